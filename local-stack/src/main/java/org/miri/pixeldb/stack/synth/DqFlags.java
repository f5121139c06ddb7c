package org.miri.pixeldb.stack.synth;

/**
 * The JWST data-quality bits the synthetic products set (docs dq-flags.md). Masks are held in an
 * {@code int} as the uint32 bit pattern: REFERENCE_PIXEL is bit 31, so it reads negative in Java and
 * is written with BZERO = 2147483648 like the pipeline's files.
 */
final class DqFlags {

    static final int DO_NOT_USE = 1;
    static final int SATURATED = 2;
    static final int JUMP_DET = 4;
    static final int NON_SCIENCE = 512;
    static final int DEAD = 1024;
    static final int HOT = 2048;
    static final int REFERENCE_PIXEL = 1 << 31;

    private DqFlags() {
    }

    static boolean has(int mask, int flag) {
        return (mask & flag) != 0;
    }
}
