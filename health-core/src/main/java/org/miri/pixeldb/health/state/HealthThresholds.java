package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.stats.ClipSettings;

/**
 * The settings of the pixel-state rules, with issue 14's values as {@link #DEFAULTS}. "std" below is the clipped
 * standard deviation s of the amplifier, "median" its clipped median m (per integration for HOT, WARM and DEAD).
 *
 * @param hotSigma HOT: slope > m + hotSigma s (default 5)
 * @param warmSigma WARM: slope > m + warmSigma s (default 3); must be below hotSigma
 * @param persistentFraction HOT, WARM, DEAD: share of the pixel's integrations that must pass (default 0.75,
 *     compared as passed / counted >= fraction)
 * @param deadFraction DEAD: |slope| < deadFraction m (default 0.05)
 * @param illuminatedSigma DEAD is judged only in integrations with m >= illuminatedSigma s (default 10)
 * @param noisyMinIntegrations NOISY is judged only in exposures with at least this many integrations, and for
 *     pixels considered in at least this many (default 3; at least 2, as ddof 1 needs two values)
 * @param noisySigma NOISY: noise > m' + noisySigma s' of the amplifier's noise values (default 5)
 * @param jumpySigma JUMPY: mean jumps > m'' + jumpySigma s'' of the amplifier's mean jumps (default 5)
 * @param jumpyMinimum JUMPY also needs mean jumps per integration >= this (default 1)
 * @param clip the sigma clipping of every m, s (default astropy's: 3 sigma, 5 iterations)
 * @param considerReferencePixels whether reference pixels (columns 1-4, 1029-1032, or DQ REFERENCE_PIXEL) take
 *     part (default false: they are not light-sensitive, see decision 0014)
 */
public record HealthThresholds(double hotSigma, double warmSigma, double persistentFraction, double deadFraction,
        double illuminatedSigma, int noisyMinIntegrations, double noisySigma, double jumpySigma, double jumpyMinimum,
        ClipSettings clip, boolean considerReferencePixels) {

    public static final HealthThresholds DEFAULTS =
            new HealthThresholds(5, 3, 0.75, 0.05, 10, 3, 5, 5, 1, ClipSettings.ASTROPY_DEFAULTS, false);

    public HealthThresholds {
        Require.positive("hotSigma", hotSigma);
        Require.positive("warmSigma", warmSigma);
        if (warmSigma >= hotSigma) {
            throw new IllegalArgumentException("warmSigma (" + warmSigma + ") must be below hotSigma (" + hotSigma
                    + "): WARM is the band between the two limits");
        }
        Require.fraction("persistentFraction", persistentFraction, true);
        Require.fraction("deadFraction", deadFraction, false);
        Require.notNegative("illuminatedSigma", illuminatedSigma);
        if (noisyMinIntegrations < 2) {
            throw new IllegalArgumentException("noisyMinIntegrations must be at least 2 (a ddof-1 standard deviation "
                    + "needs two slopes), got " + noisyMinIntegrations);
        }
        Require.positive("noisySigma", noisySigma);
        Require.positive("jumpySigma", jumpySigma);
        Require.notNegative("jumpyMinimum", jumpyMinimum);
        if (clip == null) {
            throw new IllegalArgumentException("clip settings are required");
        }
    }

    public HealthThresholds withConsiderReferencePixels(boolean consider) {
        return new HealthThresholds(hotSigma, warmSigma, persistentFraction, deadFraction, illuminatedSigma,
                noisyMinIntegrations, noisySigma, jumpySigma, jumpyMinimum, clip, consider);
    }
}
