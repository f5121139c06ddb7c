package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.slope.SlopePlane;

/**
 * The slopes (DN/s, float32 as in RATEINTS) and DQ (uint32 bits in {@code int}s) of every pixel of one integration,
 * in the [row][col] order of the exposure's {@link DetectorGrid}. The arrays are used as given, not copied.
 */
public record IntegrationSlopes(float[] slopes, int[] dq) {

    public IntegrationSlopes {
        if (slopes.length != dq.length) {
            throw new IllegalArgumentException(slopes.length + " slopes but " + dq.length + " DQ values");
        }
    }

    /** A quick-look plane as the input of the rules. */
    public static IntegrationSlopes of(SlopePlane plane) {
        return new IntegrationSlopes(plane.slopes(), plane.dq());
    }

    public int pixels() {
        return slopes.length;
    }
}
