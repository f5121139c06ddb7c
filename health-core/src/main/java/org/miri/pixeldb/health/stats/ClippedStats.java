package org.miri.pixeldb.health.stats;

/**
 * What astropy's {@code sigma_clipped_stats} returns, plus how it got there. All three statistics are computed on
 * the values kept after the last iteration.
 *
 * @param mean mean of the kept values
 * @param median median of the kept values (mean of the two middle ones for an even count, as numpy)
 * @param std population standard deviation (ddof 0) of the kept values
 * @param kept how many values were kept
 * @param rejected how many finite values were rejected by clipping
 * @param iterations clipping iterations run (at most {@link ClipSettings#maxIterations()})
 */
public record ClippedStats(double mean, double median, double std, int kept, int rejected, int iterations) {

    /** The statistics of no finite value at all: NaN, as astropy answers for all-NaN data. */
    public static final ClippedStats EMPTY = new ClippedStats(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

    /** Whether there was at least one finite value. */
    public boolean defined() {
        return kept > 0;
    }

    /** median + k std: the upper limits of the state rules (NaN when undefined, so no comparison passes). */
    public double medianPlus(double k) {
        return median + k * std;
    }
}
