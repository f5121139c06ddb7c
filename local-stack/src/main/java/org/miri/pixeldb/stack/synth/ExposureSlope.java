package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.DqFlags;

/**
 * The slope of the whole exposure ({@code X_rate.fits}), gathered integration by integration so that
 * no integration has to stay in memory: per pixel, the integrations' slopes averaged weighted by
 * their inverse read-noise variance, the Poisson variance over all their group differences, and the
 * OR of their flags, DO_NOT_USE only when no integration has a slope.
 */
final class ExposureSlope {

    private final double[] weights;
    private final double[] weighted;
    private final int[] differences;
    private final int[] flags;
    private final double tgroup;

    ExposureSlope(int pixels, double tgroup) {
        weights = new double[pixels];
        weighted = new double[pixels];
        differences = new int[pixels];
        flags = new int[pixels];
        this.tgroup = tgroup;
    }

    void add(int pixel, SlopeFit fit) {
        if (Double.isNaN(fit.slope)) {
            flags[pixel] |= fit.dq & ~DqFlags.DO_NOT_USE;
            return;
        }
        weights[pixel] += 1 / fit.varRnoise;
        weighted[pixel] += fit.slope / fit.varRnoise;
        differences[pixel] += fit.differences;
        flags[pixel] |= fit.dq;
    }

    /** The exposure's slopes of {@code count} pixels from {@code first} on, into {@code plane} from its start. */
    void fill(int first, int count, SlopePlane plane) {
        for (int i = 0; i < count; i++) {
            int p = first + i;
            if (weights[p] == 0) {
                plane.set(i, Double.NaN, Double.NaN, Double.NaN, flags[p] | DqFlags.DO_NOT_USE);
            } else {
                double slope = weighted[p] / weights[p];
                double poisson = Math.max(0, slope) / (RampCorrection.GAIN * tgroup * differences[p]);
                plane.set(i, slope, poisson, 1 / weights[p], flags[p]);
            }
        }
    }
}
