package org.miri.pixeldb.health.slope;

import org.miri.pixeldb.model.DqFlags;

/**
 * Ordinary least-squares accumulation of one ramp. Group indices and samples are integers, so the sums are kept
 * exactly in {@code long}s (the bound is {@link RampWindow#MAX_GROUPS}); the slope then has only the roundings of
 * the final divisions, which is at least as exact as the double accumulation the issue asks for and independent of
 * the order of the samples. Slope against t = g * TGROUP is the slope against g divided by TGROUP.
 */
final class RampFit {

    private long n;
    private long sumG;
    private long sumY;
    private long sumGy;
    private long sumGg;
    private boolean leftOut;

    /** Adds sample {@code dn} (0..65535) of group {@code g}, or leaves it out when it is at or above saturation. */
    void add(int g, int dn) {
        if (dn < 0 || dn > 0xFFFF) {
            throw new IllegalArgumentException("sample " + dn + " of group " + g + " is not a uint16 value");
        }
        if (dn >= QuickLookSlope.SATURATION_DN) {
            leftOut = true;
            return;
        }
        n++;
        sumG += g;
        sumY += dn;
        sumGy += (long) g * dn;
        sumGg += (long) g * g;
    }

    RampSlope result(double tgroupSeconds) {
        int saturated = leftOut ? DqFlags.SATURATED : 0;
        if (n < 2) {
            return new RampSlope(Double.NaN, DqFlags.DO_NOT_USE | saturated, (int) n);
        }
        // slope = (n Σgy − Σg Σy) / (n Σg² − (Σg)²): both exact; the denominator is > 0 for two distinct groups.
        long numerator = n * sumGy - sumG * sumY;
        long denominator = n * sumGg - sumG * sumG;
        double perGroup = (double) numerator / (double) denominator;
        return new RampSlope(perGroup / tgroupSeconds, saturated, (int) n);
    }
}
