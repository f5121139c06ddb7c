package org.miri.pixeldb.health.state;

/**
 * One pixel's counts over the integrations of an exposure, from which HOT, WARM and DEAD follow. "At least 75 %" is
 * read as passed / counted >= 0.75 where counted is the number of integrations in which the pixel is considered
 * (for DEAD: considered and illuminated), so 3 of 4 passes, 2 of 3 does not, and a pixel considered in a single
 * integration is judged on that one. The division is exact enough for the comparison: k / n rounds to the double
 * nearest to the true ratio, and so does the literal fraction, so a ratio equal to the fraction compares equal.
 *
 * @param considered integrations where the slope is finite and not DO_NOT_USE
 * @param overHot of those, integrations with slope > m + hotSigma s
 * @param overWarm of those, integrations with slope > m + warmSigma s (includes the ones over the hot limit)
 * @param illuminated of those, integrations whose amplifier has m >= illuminatedSigma s
 * @param underDead of the illuminated ones, integrations with |slope| < deadFraction m
 */
public record IntensityTally(int considered, int overHot, int overWarm, int illuminated, int underDead) {

    /** Share of considered integrations over the hot limit; NaN when the pixel is considered nowhere. */
    public double hotFraction() {
        return considered == 0 ? Double.NaN : (double) overHot / considered;
    }

    public double warmFraction() {
        return considered == 0 ? Double.NaN : (double) overWarm / considered;
    }

    /** Share of illuminated integrations under the dead limit; NaN when none is illuminated (DEAD not judged). */
    public double deadFraction() {
        return illuminated == 0 ? Double.NaN : (double) underDead / illuminated;
    }

    public boolean hot(HealthThresholds t) {
        return considered > 0 && hotFraction() >= t.persistentFraction();
    }

    public boolean warm(HealthThresholds t) {
        return considered > 0 && !hot(t) && warmFraction() >= t.persistentFraction();
    }

    public boolean dead(HealthThresholds t) {
        return illuminated > 0 && deadFraction() >= t.persistentFraction();
    }
}
