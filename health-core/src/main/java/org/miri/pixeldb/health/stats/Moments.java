package org.miri.pixeldb.health.stats;

/**
 * Mean, median and standard deviation of a range of a double array, computed as numpy does: the mean as sum / n,
 * the standard deviation in two passes (mean first, then the mean squared deviation, divided by n - ddof), the
 * median of an even count as the mean of the two middle values. Summation order differs from numpy's pairwise sum,
 * which changes results only in the last bits (far inside the 1e-9 relative agreement the tests ask for).
 */
public final class Moments {

    private Moments() {
    }

    public static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** Standard deviation with divisor n - ddof; NaN when n <= ddof (numpy answers NaN with a warning). */
    public static double std(double[] values, int from, int to, int ddof) {
        int n = to - from;
        if (n <= ddof) {
            return Double.NaN;
        }
        double mean = mean(values, from, to);
        double squares = 0;
        for (int i = from; i < to; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (n - ddof));
    }

    /** Median of an already sorted range. */
    public static double sortedMedian(double[] sorted, int from, int to) {
        int n = to - from;
        int middle = from + n / 2;
        return n % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
