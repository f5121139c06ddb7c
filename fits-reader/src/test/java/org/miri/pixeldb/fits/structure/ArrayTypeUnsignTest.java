package org.miri.pixeldb.fits.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The word-wide sign flip against its definition: the top bit of every value's first (most significant) byte. */
class ArrayTypeUnsignTest {

    @ParameterizedTest
    @CsvSource({"UINT16, 2", "UINT16, 6", "UINT16, 8", "UINT16, 10", "UINT16, 4098", "UINT32, 4", "UINT32, 12",
            "UINT32, 16", "UINT32, 4100", "UINT8, 9", "FLOAT32, 12"})
    void flipsTheTopBitOfEveryValueAndNothingElse(ArrayType type, int length) {
        byte[] values = new byte[length];
        new Random(length).nextBytes(values);
        byte[] expected = values.clone();
        if (type == ArrayType.UINT16 || type == ArrayType.UINT32) {
            for (int at = 0; at < expected.length; at += type.bytes()) {
                expected[at] ^= (byte) 0x80;
            }
        }
        type.unsign(values);
        assertArrayEquals(expected, values);
    }
}
