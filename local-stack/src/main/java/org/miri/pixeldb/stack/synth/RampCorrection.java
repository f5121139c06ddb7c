package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.DqFlags;

/**
 * Turns one raw ramp into the corrected ramp and its error as a ramp file holds them: the
 * integration's first read is the pixel's reset level and is subtracted (the real JPL8 ramp file
 * does the same: every corrected ramp starts at 0 DN), then a mild quadratic linearity correction
 * lifts high signals, up to ~5 % at 55,000 DN, except in saturated groups, which the pipeline leaves
 * alone. Pixels whose mask says DO_NOT_USE become NaN, as the pipeline blanks them.
 */
final class RampCorrection {

    /** Per DN: the detector's response flattens as charge builds up. */
    static final double LINEARITY = 1e-6;
    /** Read noise of one group, DN, and gain, electrons per DN: MIRI-like values (R_READNO, R_GAIN). */
    static final double READ_NOISE = 6;
    static final double GAIN = 5.5;

    private RampCorrection() {
    }

    static void correct(int[] raw, byte[] groupDq, int pixelDq, float[] sci, float[] err) {
        if (DqFlags.has(pixelDq, DqFlags.DO_NOT_USE)) {
            java.util.Arrays.fill(sci, Float.NaN);
            java.util.Arrays.fill(err, Float.NaN);
            return;
        }
        int bias = raw[0];
        for (int g = 0; g < raw.length; g++) {
            double signal = raw[g] - bias;
            if (!DqFlags.has(groupDq[g], DqFlags.SATURATED)) {
                signal += LINEARITY * signal * signal;
            }
            sci[g] = (float) signal;
            err[g] = (float) Math.sqrt(READ_NOISE * READ_NOISE + Math.max(0, signal) / GAIN);
        }
    }
}
