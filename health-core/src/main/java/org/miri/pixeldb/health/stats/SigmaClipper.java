package org.miri.pixeldb.health.stats;

import java.util.Arrays;

/**
 * astropy's {@code sigma_clipped_stats} for flattened data (axis=None, astropy.stats.sigma_clipping, the
 * {@code _sigmaclip_noaxis} path): non-finite values are dropped; then, until an iteration rejects nothing or
 * maxiters iterations have run, centre = median and std = population std of the kept values, and only values with
 * centre - sigma std <= x <= centre + sigma std are kept (astropy's bounds are inclusive). Mean, median and std are
 * those of the final kept set.
 *
 * <p>Why sorting once is enough: the kept set of each iteration is an interval of values, so on a sorted copy it is
 * a contiguous range, and clipping moves the range's two ends inward. The result is identical to filtering, at the
 * cost of one sort.
 */
public final class SigmaClipper {

    private final ClipSettings settings;

    public SigmaClipper(ClipSettings settings) {
        this.settings = settings;
    }

    public static SigmaClipper astropyDefaults() {
        return new SigmaClipper(ClipSettings.ASTROPY_DEFAULTS);
    }

    /** Clipped statistics of the first {@code count} values (NaN and infinities ignored). */
    public ClippedStats stats(double[] values, int count) {
        double[] sorted = new double[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(values[i])) {
                sorted[n++] = values[i];
            }
        }
        if (n == 0) {
            return ClippedStats.EMPTY;
        }
        Arrays.sort(sorted, 0, n);
        int from = 0;
        int to = n;
        int iterations = 0;
        int changed = 1;
        while (changed != 0 && iterations < settings.maxIterations()) {
            iterations++;
            int size = to - from;
            double center = Moments.sortedMedian(sorted, from, to);
            double spread = settings.sigma() * Moments.std(sorted, from, to, 0);
            double low = center - spread;
            double high = center + spread;
            while (from < to && sorted[from] < low) {
                from++;
            }
            while (to > from && sorted[to - 1] > high) {
                to--;
            }
            changed = size - (to - from);
        }
        return new ClippedStats(Moments.mean(sorted, from, to), Moments.sortedMedian(sorted, from, to),
                Moments.std(sorted, from, to, 0), to - from, n - (to - from), iterations);
    }

    public ClippedStats stats(double[] values) {
        return stats(values, values.length);
    }
}
