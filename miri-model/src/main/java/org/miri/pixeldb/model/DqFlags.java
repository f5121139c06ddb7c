package org.miri.pixeldb.model;

/**
 * The JWST data-quality bits the code sets or tests (stdatamodels {@code dqflags}; the full table is
 * docs/dq-flags.md and the database's {@code dq_flag}). Masks are uint32; Java holds them in an {@code int} with the
 * same bits, so REFERENCE_PIXEL (bit 31) is the sign bit and reads negative: test with {@link #has}, never with
 * {@code > 0}. Files store such masks with BZERO = 2147483648, as the pipeline's do.
 */
public final class DqFlags {

    /** Bit 0: the pipeline's "do not use this value". */
    public static final int DO_NOT_USE = 1;
    /** Bit 1: a sample at or above the saturation level. */
    public static final int SATURATED = 1 << 1;
    /** Bit 2: a group where the jump step found a jump. */
    public static final int JUMP_DET = 1 << 2;
    /** Bit 9: a pixel not on the science array. */
    public static final int NON_SCIENCE = 1 << 9;
    /** Bit 10: a dead pixel. */
    public static final int DEAD = 1 << 10;
    /** Bit 11: a hot pixel. */
    public static final int HOT = 1 << 11;
    /** Bit 12: a warm pixel. */
    public static final int WARM = 1 << 12;
    /** Bit 30: a bad pixel of no finer kind (detector health: NOISY, JUMPY). */
    public static final int OTHER_BAD_PIXEL = 1 << 30;
    /** Bit 31: a pixel of the reference columns; the pipeline does not set DO_NOT_USE with it. */
    public static final int REFERENCE_PIXEL = 1 << 31;

    private DqFlags() {
    }

    /** Whether {@code mask} carries any of the bits of {@code flags}. */
    public static boolean has(int mask, int flags) {
        return (mask & flags) != 0;
    }
}
