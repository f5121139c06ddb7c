package org.miri.pixeldb.health.state;

import java.util.Map;
import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * The trend data of one integration and amplifier: the clipped statistics m, s of its considered slopes, how many
 * pixels were considered, and how many of those have each state in the exposure. The counts are the exposure's
 * states (states are per exposure, not per integration) among the pixels considered in this integration, so they
 * add up to at most {@code pixels}; every state is present, with 0 where none.
 *
 * @param integration 1-based
 * @param amplifier 1..4
 */
public record AmplifierIntegration(int integration, int amplifier, ClippedStats slopes, int pixels,
        Map<PixelState, Integer> counts) {

    public AmplifierIntegration {
        counts = Map.copyOf(counts);
    }

    /** The clipped median m of the considered slopes (DN/s). */
    public double median() {
        return slopes.median();
    }

    /** The clipped standard deviation s of the considered slopes (DN/s). */
    public double std() {
        return slopes.std();
    }
}
