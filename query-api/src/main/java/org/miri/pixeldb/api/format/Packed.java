package org.miri.pixeldb.api.format;

/**
 * Reads the strip tables' packed values (decision 0004): big-endian unsigned 16-bit samples, float32, uint8 and
 * unsigned 32-bit masks. Decoding here instead of in SQL keeps the database to index lookups and byte slices.
 */
public final class Packed {

    private Packed() {
    }

    public static int uint16(byte[] packed, int index) {
        return ((packed[2 * index] & 0xff) << 8) | (packed[2 * index + 1] & 0xff);
    }

    public static long uint32(byte[] packed, int index) {
        int at = 4 * index;
        return ((long) (packed[at] & 0xff) << 24) | ((packed[at + 1] & 0xff) << 16) | ((packed[at + 2] & 0xff) << 8)
                | (packed[at + 3] & 0xff);
    }

    public static float float32(byte[] packed, int index) {
        return Float.intBitsToFloat((int) uint32(packed, index));
    }

    public static int uint8(byte[] packed, int index) {
        return packed[index] & 0xff;
    }

    public static int[] uint16s(byte[] packed) {
        int[] values = new int[packed.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = uint16(packed, i);
        }
        return values;
    }

    public static float[] float32s(byte[] packed) {
        if (packed == null) {
            return null;
        }
        float[] values = new float[packed.length / 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = float32(packed, i);
        }
        return values;
    }

    public static int[] uint8s(byte[] packed) {
        int[] values = new int[packed.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = uint8(packed, i);
        }
        return values;
    }
}
