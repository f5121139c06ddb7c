package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.stats.ClippedStats;
import org.miri.pixeldb.health.stats.Moments;

/**
 * NOISY: a pixel's noise is the standard deviation (ddof 1) of its slopes over the integrations where it is
 * considered, as jwst_reffiles' badpix_from_darks measures noise through a stack of integration slopes. It is judged
 * only in exposures with at least noisyMinIntegrations integrations and, by the same reasoning (a spread of fewer
 * values is too uncertain; jwst_reffiles likewise leaves pixels with too few good slopes out), only for pixels
 * considered in at least that many; other pixels have noise NaN and never enter the amplifier's statistics.
 */
public final class NoiseRule {

    private final HealthThresholds thresholds;

    public NoiseRule(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Whether an exposure with this many integrations is judged for NOISY at all. */
    public boolean applies(int integrations) {
        return integrations >= thresholds.noisyMinIntegrations();
    }

    /** Sample standard deviation of the finite slopes; NaN when fewer than noisyMinIntegrations are finite. */
    public double noise(double[] slopes) {
        double[] finite = new double[slopes.length];
        int n = 0;
        for (double slope : slopes) {
            if (Double.isFinite(slope)) {
                finite[n++] = slope;
            }
        }
        return n < thresholds.noisyMinIntegrations() ? Double.NaN : Moments.std(finite, 0, n, 1);
    }

    /** noise > m' + noisySigma s' of the amplifier's noise values (strict; false for NaN). */
    public boolean noisy(double noise, ClippedStats amplifierNoise) {
        return noise > amplifierNoise.medianPlus(thresholds.noisySigma());
    }
}
