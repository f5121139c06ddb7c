package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * HOT, WARM and DEAD for one pixel, from its slope in each integration and its amplifier's clipped median m and
 * std s in that integration. Comparisons are strict as the issue words them ("slope > m + 5s", "|slope| < 0.05 m"):
 * a slope exactly on a limit does not pass; "illuminated" is m >= 10 s, so exactly 10 s is illuminated. The limits
 * are computed in double from the clipped statistics, and the float32 slope is widened to double before comparing.
 */
public final class IntensityRules {

    private final HealthThresholds thresholds;

    public IntensityRules(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param slopes the pixel's slope per integration, NaN where it is not considered
     * @param baselines its amplifier's clipped statistics per integration (same order)
     */
    public IntensityTally tally(double[] slopes, ClippedStats[] baselines) {
        int considered = 0;
        int overHot = 0;
        int overWarm = 0;
        int illuminated = 0;
        int underDead = 0;
        for (int i = 0; i < slopes.length; i++) {
            double slope = slopes[i];
            if (!Double.isFinite(slope)) {
                continue;
            }
            ClippedStats baseline = baselines[i];
            considered++;
            if (slope > baseline.medianPlus(thresholds.hotSigma())) {
                overHot++;
            }
            if (slope > baseline.medianPlus(thresholds.warmSigma())) {
                overWarm++;
            }
            if (illuminated(baseline)) {
                illuminated++;
                if (Math.abs(slope) < thresholds.deadFraction() * baseline.median()) {
                    underDead++;
                }
            }
        }
        return new IntensityTally(considered, overHot, overWarm, illuminated, underDead);
    }

    /** Whether an integration counts as illuminated for DEAD on this amplifier: m >= illuminatedSigma s. */
    public boolean illuminated(ClippedStats baseline) {
        return baseline.median() >= thresholds.illuminatedSigma() * baseline.std();
    }
}
