package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorrectedPackingTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void eachRampsValuesComeTogetherWithTheirBytesInOrder(int valueBytes) {
        int ngroups = 7;
        int rows = 3;
        int cols = 5;
        byte[] groupMajor = new byte[ngroups * rows * cols * valueBytes];
        new Random(valueBytes).nextBytes(groupMajor);
        byte[] expected = new byte[groupMajor.length];
        int at = 0;
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                for (int group = 0; group < ngroups; group++) {
                    for (int b = 0; b < valueBytes; b++) {
                        expected[at++] = groupMajor[((group * rows + row) * cols + col) * valueBytes + b];
                    }
                }
            }
        }
        assertArrayEquals(expected, CorrectedPacking.rampMajor(groupMajor, valueBytes, ngroups, rows, cols));
    }

    @Test
    void aBlockOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CorrectedPacking.rampMajor(new byte[10], 4, 2, 1, 1));
    }
}
