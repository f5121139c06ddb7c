package org.miri.pixeldb.api.health;

import java.util.List;

/**
 * The pixels of an evaluated exposure whose states differ from those of the same pixel in the previous evaluated
 * exposure of the detector and readout pattern holding it: the same changes the pixel-health topic carries, so a
 * page can list them without a Kafka client. {@code count} is exact; {@code changes} stop at the limit.
 */
public record HealthChangePage(String detector, String exposure, int count, boolean truncated, List<Change> changes) {

    /** One pixel's change; {@code previousExposure} is null for the first evaluated exposure holding it. */
    public record Change(int row, int col, List<String> states, String previousExposure, List<String> previousStates) {
    }
}
