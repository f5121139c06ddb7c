package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packing against its definition: sample (group, row, col) of the file's order lands at ramp (row, col), group. */
class RawRampPackingTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "20, 3, 7", "5, 12, 1032", "300, 1, 64"})
    void everySampleLandsInItsRampBigEndian(int ngroups, int rows, int cols) {
        char[] groupMajor = new char[ngroups * rows * cols];
        Random random = new Random(ngroups * 31L + rows * 7L + cols);
        for (int i = 0; i < groupMajor.length; i++) {
            groupMajor[i] = (char) random.nextInt(1 << 16);
        }
        byte[] packed = RawRampPacking.pack(groupMajor, ngroups, rows, cols);
        assertEquals(groupMajor.length * 2, packed.length);
        for (int group = 0; group < ngroups; group++) {
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols; col++) {
                    char expected = groupMajor[(group * rows + row) * cols + col];
                    assertEquals(expected, RawRampPacking.sample(packed, cols, ngroups, row, col, group));
                    int at = ((row * cols + col) * ngroups + group) * 2;
                    assertEquals((byte) (expected >>> 8), packed[at]);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 3, 7, 419", "2, 2, 2, 9"})
    void aBlockOfTheWrongSizeIsRefused(int ngroups, int rows, int cols, int samples) {
        assertThrows(IllegalArgumentException.class, () -> RawRampPacking.pack(new char[samples], ngroups, rows, cols));
    }
}
