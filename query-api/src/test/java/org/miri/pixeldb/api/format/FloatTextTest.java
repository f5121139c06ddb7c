package org.miri.pixeldb.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatTextTest {

    @Test
    void everyFloatReadsBackToTheIdenticalBits() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(value)) {
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(FloatText.json(value))));
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(FloatText.csv(value))));
                // Python's json and pandas parse to double first, numpy then rounds to float32: the same bits again.
                assertEquals(Float.floatToIntBits(value), Float.floatToIntBits((float) Double.parseDouble(
                        FloatText.json(value))));
            }
        }
    }

    @Test
    void float32IsNotWidenedToDouble() {
        assertEquals("0.1", FloatText.json(0.1f)); // (double) 0.1f would print 0.10000000149011612
        assertEquals("1.0E-5", FloatText.json(1e-5f));
        assertEquals("-0.0", FloatText.json(-0.0f));
    }

    @Test
    void nonFiniteValuesHaveTheirOwnTokens() {
        assertEquals("null", FloatText.json(Float.NaN));
        assertEquals("\"Infinity\"", FloatText.json(Float.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", FloatText.json(Float.NEGATIVE_INFINITY));
        assertEquals("", FloatText.csv(Float.NaN));
        assertEquals("-inf", FloatText.csv(Float.NEGATIVE_INFINITY));
    }
}
