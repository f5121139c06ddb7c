package org.miri.pixeldb.health.slope;

import org.miri.pixeldb.model.DqFlags;

/**
 * The quick-look slope of one ramp.
 *
 * @param dnPerSecond least-squares slope in DN/s; NaN when fewer than two samples remain
 * @param dq {@link DqFlags#DO_NOT_USE} when the slope is NaN; {@link DqFlags#SATURATED} added when at least one
 *     sample of the window was left out for being at or above 65,000 DN; 0 otherwise
 * @param samples how many samples the fit used
 */
public record RampSlope(double dnPerSecond, int dq, int samples) {

    /** Whether the slope is usable (finite, not DO_NOT_USE). */
    public boolean usable() {
        return (dq & DqFlags.DO_NOT_USE) == 0;
    }
}
