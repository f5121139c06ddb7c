package org.miri.pixeldb.api.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PackedTest {

    @Test
    void unsignedValuesKeepTheirTopBit() {
        byte[] u16 = {(byte) 0xff, (byte) 0xff, 0, 0, (byte) 0x80, 0};
        assertArrayEquals(new int[] {65535, 0, 32768}, Packed.uint16s(u16));
        byte[] u32 = {(byte) 0x80, 0, 0, 0, 0, 0, 0x18, 0};
        assertEquals(2147483648L, Packed.uint32(u32, 0)); // REFERENCE_PIXEL, bit 31
        assertEquals(6144L, Packed.uint32(u32, 1));       // HOT | WARM
        assertArrayEquals(new int[] {255, 4}, Packed.uint8s(new byte[] {(byte) 0xff, 4}));
    }

    @Test
    void floatsAreBigEndianFloat32BitForBit() {
        float[] values = {1.5f, -0.0f, Float.NaN, Float.MIN_VALUE, 12345.678f};
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        for (float value : values) {
            buffer.putFloat(value);
        }
        float[] decoded = Packed.float32s(buffer.array());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(decoded[i]));
        }
    }
}
