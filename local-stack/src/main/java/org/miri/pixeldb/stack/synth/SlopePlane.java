package org.miri.pixeldb.stack.synth;

/** The five arrays of a slope product for a run of pixels (rows of one integration, or the exposure). */
final class SlopePlane {

    final float[] sci;
    final float[] err;
    final int[] dq;
    final float[] varPoisson;
    final float[] varRnoise;

    SlopePlane(int pixels) {
        sci = new float[pixels];
        err = new float[pixels];
        dq = new int[pixels];
        varPoisson = new float[pixels];
        varRnoise = new float[pixels];
    }

    void set(int pixel, double slope, double poisson, double rnoise, int flags) {
        sci[pixel] = (float) slope;
        varPoisson[pixel] = (float) poisson;
        varRnoise[pixel] = (float) rnoise;
        err[pixel] = (float) Math.sqrt(poisson + rnoise);
        dq[pixel] = flags;
    }
}
