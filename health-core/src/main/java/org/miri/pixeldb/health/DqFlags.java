package org.miri.pixeldb.health;

/**
 * The few JWST data-quality bits the health rules read or write (stdatamodels {@code dqflags}, see
 * docs/dq-flags.md). DQ masks are uint32; Java holds them in an {@code int} with the same bits, so
 * REFERENCE_PIXEL (bit 31) is the sign bit: always test with {@code (dq & FLAG) != 0}, never with {@code > 0}.
 */
public final class DqFlags {

    /** Bit 0: the pipeline's "do not use this value". */
    public static final int DO_NOT_USE = 1;
    /** Bit 1: a sample at or above the saturation level (quick-look: 65,000 DN). */
    public static final int SATURATED = 1 << 1;
    /** Bit 2 (value 4): a group where the jump step found a jump. */
    public static final int JUMP_DET = 1 << 2;
    /** Bit 31: a pixel of the reference columns; the pipeline does not set DO_NOT_USE with it. */
    public static final int REFERENCE_PIXEL = 1 << 31;

    private DqFlags() {
    }

    /** Whether {@code dq} has every bit of {@code flag}. */
    public static boolean has(int dq, int flag) {
        return (dq & flag) == flag;
    }
}
