package org.miri.pixeldb.fits.chunk;

import java.nio.ByteBuffer;
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
        // Transpose values, then encode them in one bulk copy: 2.3x faster than writing two bytes per sample in the
        // transposing loop (with the read's conversions, 596 against 1,390 MB/s for a 1032 x 12 x 20 block).
        char[] pixelMajor = new char[groupMajor.length];
        for (int group = 0; group < ngroups; group++) {
            int from = group * plane;
            for (int pixel = 0; pixel < plane; pixel++) {
                pixelMajor[pixel * ngroups + group] = groupMajor[from + pixel];
            }
        }
        byte[] packed = new byte[groupMajor.length * Short.BYTES];
        ByteBuffer.wrap(packed).asCharBuffer().put(pixelMajor);
        return packed;
    }

    /** Sample {@code group} of the ramp at block row {@code row}, column {@code col}, from packed bytes. */
    public static char sample(byte[] packed, int cols, int ngroups, int row, int col, int group) {
        int at = ((row * cols + col) * ngroups + group) * Short.BYTES;
        return (char) ((packed[at] & 0xff) << Byte.SIZE | packed[at + 1] & 0xff);
    }
}
