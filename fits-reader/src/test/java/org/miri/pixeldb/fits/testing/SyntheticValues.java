package org.miri.pixeldb.fits.testing;

/**
 * The values of synthetic corrected and slope products, as functions of their indices (integration 1-based, group,
 * row, column 0-based), with the awkward cases placed on purpose: NaNs with payloads (quiet, negative, signalling),
 * -0.0, GROUPDQ bytes above 127, and uint32 flags with bit 31 set (REFERENCE_PIXEL, as in reference columns 1-4).
 */
public final class SyntheticValues {

    static final int QUIET_NAN_WITH_PAYLOAD = 0x7fc00001;
    static final int NEGATIVE_NAN = 0xffc00000;
    public static final int SIGNALLING_NAN = 0x7f800001;
    public static final long REFERENCE_PIXEL = 1L << 31;
    static final long ALL_FLAGS = 0xffff_ffffL;

    private SyntheticValues() {
    }

    public static float sci(int i, int g, int y, int x) {
        if (i == 1 && g == 0 && y == 0 && x == 0) {
            return Float.intBitsToFloat(QUIET_NAN_WITH_PAYLOAD);
        }
        if (i == 2 && g == 2 && y == 5 && x == 15) {
            return Float.intBitsToFloat(SIGNALLING_NAN);
        }
        return i == 1 && g == 1 && y == 2 && x == 3 ? -0.0f : i * 7919.5f + g * 104.729f + y * 1.5f + x * 0.03125f;
    }

    static float err(int i, int g, int y, int x) {
        return i == 1 && g == 2 && y == 1 && x == 1 ? Float.intBitsToFloat(NEGATIVE_NAN) : 0.5f + i + g * 0.01f + y + x;
    }

    public static byte groupdq(int i, int g, int y, int x) {
        return (byte) (i * 31 + g * 7 + y * 3 + x * 11);
    }

    public static float refout(int i, int g, int y, int j) {
        return 20_000.25f + i * 100 + g * 10 + y + j * 0.5f;
    }

    /** PIXELDQ, unsigned: bit 31 in the four reference columns, every bit in one pixel. */
    public static long pixeldq(int y, int x) {
        if (x < 4) {
            return REFERENCE_PIXEL | (y == 0 ? 1 : 0);
        }
        return y == 1 && x == 5 ? ALL_FLAGS : (y * 16L + x) * 1025L;
    }

    /** Slope array 0..3 (SCI, ERR, VAR_POISSON, VAR_RNOISE) of plane p (0-based). */
    public static float slope(int array, int p, int y, int x) {
        if (array == 0 && p == 0 && y == 2 && x == 7) {
            return Float.intBitsToFloat(QUIET_NAN_WITH_PAYLOAD);
        }
        return array * 1000.125f + p * 17.5f + y * 0.75f - x * 3.0f;
    }

    /** Slope DQ, unsigned: bit 31 in the four reference columns, as the real RATEINTS file has it. */
    public static long dq(int p, int y, int x) {
        return x < 4 ? REFERENCE_PIXEL : y == 3 && x == 9 ? ALL_FLAGS : (p + 1L) * (y * 4 + x) % 7 * 16_777_217L;
    }

    /** How FITS stores a uint32 flag: the int32 that BZERO 2^31 brings back to it. */
    static int stored(long unsigned) {
        return (int) (unsigned - REFERENCE_PIXEL);
    }
}
