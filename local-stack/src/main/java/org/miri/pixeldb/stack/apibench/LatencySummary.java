package org.miri.pixeldb.stack.apibench;

import java.util.Arrays;

/** Percentiles of measured latencies (nearest-rank), in milliseconds. */
public record LatencySummary(int count, double p50, double p90, double p95, double p99, double max, double mean) {

    public static LatencySummary of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies measured");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)), ms(rank(sorted, 0.95)),
                ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), ms((long) Arrays.stream(sorted).average().orElse(0)));
    }

    /** The nearest-rank percentile: the smallest value with at least p of the values at or below it. */
    static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
