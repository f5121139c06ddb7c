package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.DqFlags;

/**
 * The slope of one corrected ramp, the way ramp fitting works in outline: DO_NOT_USE and SATURATED
 * groups are skipped, a JUMP_DET group starts a new segment, each segment of two or more groups gets
 * an ordinary least-squares slope, and the segments are averaged weighted by their read-noise
 * variance 12 RN^2 / (n^3 - n). A ramp without such a segment has no slope: NaN and DO_NOT_USE.
 * One instance is reused for every ramp, so the fit allocates nothing.
 */
final class SlopeFit {

    /** DN/s, NaN when not fitted. */
    double slope;
    double varPoisson;
    double varRnoise;
    /** The slope's uint32 DQ: the pixel's mask, JUMP_DET from any group, DO_NOT_USE when not fitted. */
    int dq;
    /** Group differences the slope rests on: the Poisson variance and the exposure's rate need them. */
    int differences;

    void fit(float[] sci, byte[] groupDq, int pixelDq, double tgroup) {
        double weights = 0;
        double weighted = 0;
        int anyGroupFlags = 0;
        differences = 0;
        int start = 0;
        for (int g = 0; g <= sci.length; g++) {
            boolean end = g == sci.length || DqFlags.has(groupDq[g], DqFlags.DO_NOT_USE | DqFlags.SATURATED)
                    || DqFlags.has(groupDq[g], DqFlags.JUMP_DET);
            if (end && g - start >= 2 && !DqFlags.has(pixelDq, DqFlags.DO_NOT_USE)) {
                int n = g - start;
                double weight = (n * (double) n * n - n) / (12 * RampCorrection.READ_NOISE * RampCorrection.READ_NOISE);
                weights += weight;
                weighted += weight * leastSquares(sci, start, n);
                differences += n - 1;
            }
            if (g < sci.length) {
                anyGroupFlags |= groupDq[g] & 0xFF;
                boolean usable = !DqFlags.has(groupDq[g], DqFlags.DO_NOT_USE | DqFlags.SATURATED);
                start = end ? (usable ? g : g + 1) : start;
            }
        }
        dq = pixelDq | (anyGroupFlags & DqFlags.JUMP_DET);
        if (weights == 0) {
            slope = varPoisson = varRnoise = Double.NaN;
            dq |= DqFlags.DO_NOT_USE | (anyGroupFlags & DqFlags.SATURATED);
            return;
        }
        slope = weighted / weights / tgroup;
        varRnoise = 1 / weights / (tgroup * tgroup);
        varPoisson = Math.max(0, slope) / (RampCorrection.GAIN * tgroup * differences);
    }

    /** Slope in DN per group of sci[start .. start+n-1] against the group number. */
    static double leastSquares(float[] sci, int start, int n) {
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += sci[start + i];
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (sci[start + i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx;
    }
}
