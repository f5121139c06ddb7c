package org.miri.pixeldb.fits.chunk;

import org.miri.pixeldb.fits.jwst.CorrectedIntegration;

/**
 * The value layout of {@code CorrectedRampChunk}: each ramp's values contiguous, order [row][col][group], every value
 * keeping its file bytes. Files store [group][row][col]; packing transposes whole values, never decoding them.
 */
public final class CorrectedPacking {

    private CorrectedPacking() {
    }

    /**
     * Reorders a block read as [group][row][col] ({@link CorrectedIntegration}) into [row][col][group].
     *
     * @param valueBytes bytes per value: 4 for float32, 1 for GROUPDQ
     */
    public static byte[] rampMajor(byte[] groupMajor, int valueBytes, int ngroups, int rows, int cols) {
        int plane = rows * cols;
        if (groupMajor.length != plane * ngroups * valueBytes) {
            throw new IllegalArgumentException(groupMajor.length + " bytes are not " + ngroups + " groups of " + rows
                    + " x " + cols + " values of " + valueBytes + " bytes");
        }
        byte[] packed = new byte[groupMajor.length];
        int at = 0;
        for (int pixel = 0; pixel < plane; pixel++) {
            for (int group = 0; group < ngroups; group++) {
                int from = (group * plane + pixel) * valueBytes;
                for (int b = 0; b < valueBytes; b++) {
                    packed[at++] = groupMajor[from + b];
                }
            }
        }
        return packed;
    }
}
