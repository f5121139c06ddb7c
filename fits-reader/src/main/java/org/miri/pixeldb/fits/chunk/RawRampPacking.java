package org.miri.pixeldb.fits.chunk;

import org.miri.pixeldb.fits.jwst.RawIntegration;

/**
 * The sample layout of {@code RawRampChunk.samples}: big-endian unsigned 16-bit, order [row][col][group], so that each
 * ramp's samples are contiguous. Files store [group][row][col]; packing transposes.
 */
public final class RawRampPacking {

    private RawRampPacking() {
    }

    /** Packs a block read as [group][row][col] ({@link RawIntegration}) into [row][col][group] big-endian bytes. */
    public static byte[] pack(char[] groupMajor, int ngroups, int rows, int cols) {
        int plane = rows * cols;
        if (groupMajor.length != plane * ngroups) {
            throw new IllegalArgumentException(groupMajor.length + " samples are not " + ngroups + " groups of "
                    + rows + " x " + cols);
        }
        byte[] packed = new byte[groupMajor.length * Short.BYTES];
        int at = 0;
        for (int pixel = 0; pixel < plane; pixel++) {
            for (int group = 0; group < ngroups; group++) {
                char sample = groupMajor[group * plane + pixel];
                packed[at++] = (byte) (sample >>> Byte.SIZE);
                packed[at++] = (byte) sample;
            }
        }
        return packed;
    }

    /** Sample {@code group} of the ramp at block row {@code row}, column {@code col}, from packed bytes. */
    public static char sample(byte[] packed, int cols, int ngroups, int row, int col, int group) {
        int at = ((row * cols + col) * ngroups + group) * Short.BYTES;
        return (char) ((packed[at] & 0xff) << Byte.SIZE | packed[at + 1] & 0xff);
    }
}
