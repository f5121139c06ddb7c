package org.miri.pixeldb.health.slope;

/** Checks that a ramp lies where a caller says it does, before any sample is read. */
final class RampBounds {

    private RampBounds() {
    }

    /** A ramp given on its own must have exactly NGROUPS samples. */
    static void requireRamp(RampWindow window, int length) {
        if (length != window.ngroups()) {
            throw new IllegalArgumentException("a ramp of " + length + " samples for NGROUPS " + window.ngroups());
        }
    }

    /** Group g at {@code offset + g * stride}: every group, not only the window, must be inside the array. */
    static void requireInside(RampWindow window, int length, int offset, int stride) {
        long lastIndex = offset + (long) (window.ngroups() - 1) * stride;
        if (offset < 0 || stride < 1 || lastIndex >= length) {
            throw new IllegalArgumentException("offset " + offset + " and stride " + stride + " for " + window.ngroups()
                    + " groups reach index " + lastIndex + " of an array of " + length);
        }
    }
}
