package org.miri.pixeldb.fits.testing;

import org.miri.pixeldb.fits.jwst.RawPixelType;

/** The stored (int16, BZERO 32768) samples of a synthetic exposure, flattened in numpy order. */
final class SyntheticSamples {

    private SyntheticSamples() {
    }

    /** SCI or REFOUT (nints, ngroups, rows, cols or cols/4). */
    static short[] jwst(SyntheticExposure e, boolean refout) {
        int width = refout ? e.cols / 4 : e.cols;
        short[] stored = new short[e.nints * e.ngroups * e.rows * width];
        int at = 0;
        for (int i = 1; i <= e.nints; i++) {
            for (int g = 0; g < e.ngroups; g++) {
                for (int y = 0; y < e.rows; y++) {
                    for (int x = 0; x < width; x++) {
                        stored[at++] = stored(refout ? SyntheticExposure.refout(i, g, y, x)
                                : SyntheticExposure.science(i, g, y, x));
                    }
                }
            }
        }
        return stored;
    }

    /** Ground-test frames (nints x ngroups, rows x 5/4, cols): science rows, then REFOUT packed column by column. */
    static short[] groundTest(SyntheticExposure e) {
        int frameSize = e.rawRows() * e.cols;
        short[] stored = new short[e.nints * e.ngroups * frameSize];
        for (int i = 1; i <= e.nints; i++) {
            for (int g = 0; g < e.ngroups; g++) {
                int frame = ((i - 1) * e.ngroups + g) * frameSize;
                for (int y = 0; y < e.rows; y++) {
                    for (int x = 0; x < e.cols; x++) {
                        stored[frame + y * e.cols + x] = stored(SyntheticExposure.science(i, g, y, x));
                    }
                    for (int j = 0; j < e.cols / 4; j++) {
                        stored[frame + e.rows * e.cols + j * e.rows + y] = stored(SyntheticExposure.refout(i, g, y, j));
                    }
                }
            }
        }
        return stored;
    }

    static int[] widen(short[] stored) {
        int[] wide = new int[stored.length];
        for (int i = 0; i < stored.length; i++) {
            wide[i] = stored[i];
        }
        return wide;
    }

    private static short stored(char unsigned) {
        return (short) (unsigned - RawPixelType.BZERO);
    }
}
