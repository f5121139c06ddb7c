package org.miri.pixeldb.fits.chunk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.miri.pixeldb.fits.jwst.CorrectedIntegration;

/**
 * The value layout of {@code CorrectedRampChunk}: each ramp's values contiguous, order [row][col][group], every value
 * keeping its file bytes. Files store [group][row][col]; packing transposes whole values, never decoding them.
 */
public final class CorrectedPacking {

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

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
        // Whole values move as ints or shorts (the byte order does not matter for a copy): byte by byte, this was 4-5 %
        // of the splitter's CPU in the profile of 2026-12-05.
        if (valueBytes == Integer.BYTES) {
            for (int pixel = 0, at = 0; pixel < plane; pixel++) {
                for (int from = pixel * Integer.BYTES; at < (pixel + 1) * ngroups * Integer.BYTES;
                     at += Integer.BYTES, from += plane * Integer.BYTES) {
                    INTS.set(packed, at, (int) INTS.get(groupMajor, from));
                }
            }
        } else if (valueBytes == 1) {
            for (int pixel = 0, at = 0; pixel < plane; pixel++) {
                for (int from = pixel; at < (pixel + 1) * ngroups; at++, from += plane) {
                    packed[at] = groupMajor[from];
                }
            }
        } else {
            int at = 0;
            for (int pixel = 0; pixel < plane; pixel++) {
                for (int group = 0; group < ngroups; group++) {
                    System.arraycopy(groupMajor, (group * plane + pixel) * valueBytes, packed, at, valueBytes);
                    at += valueBytes;
                }
            }
        }
        return packed;
    }
}
