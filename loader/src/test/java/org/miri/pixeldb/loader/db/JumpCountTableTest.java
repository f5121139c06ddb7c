package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The jump counts a corrected chunk stores: JUMP_DET (4) groups per pixel, whatever other bits a group has. */
class JumpCountTableTest {

    @Test
    void eachPixelCountsItsGroupsWithJumpDetOnly() {
        int ngroups = 4;
        byte[] groupdq = {
            0, 4, 0, 4, //      two jumps
            1, 2, 3, 8, //      DO_NOT_USE, SATURATED, both, DROPOUT: none
            5, 6, 7, (byte) 0xFC, // JUMP_DET with other bits, and with the high bits set: four
        };
        // The chunk's buffer need not start at its array's first byte.
        byte[] padded = new byte[groupdq.length + 3];
        System.arraycopy(groupdq, 0, padded, 3, groupdq.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded);
        buffer.position(3);
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0, 4}, JumpCountTable.counts(buffer.slice(), ngroups, 3));
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0, 4}, JumpCountTable.counts(buffer, ngroups, 3));
        assertArrayEquals(new byte[] {0, 2, 0, 0, 0, 4}, JumpCountTable.counts(ByteBuffer.wrap(groupdq), ngroups, 3));
    }

    @Test
    void countsAboveAByteStayExact() {
        int ngroups = 300;
        byte[] groupdq = new byte[ngroups];
        java.util.Arrays.fill(groupdq, (byte) 4);
        assertArrayEquals(new byte[] {1, 44}, JumpCountTable.counts(ByteBuffer.wrap(groupdq), ngroups, 1));
    }
}
