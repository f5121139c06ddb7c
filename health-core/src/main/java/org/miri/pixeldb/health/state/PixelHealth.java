package org.miri.pixeldb.health.state;

import java.util.Set;

/**
 * One pixel's verdict for one exposure and the statistics behind it. Rows and columns are full-frame and 1-based.
 * A pixel considered in no integration has no state and NaN statistics.
 *
 * @param states its states (unmodifiable; empty for a healthy pixel)
 * @param integrations integrations where it is considered
 * @param hotFraction share of those with slope over the hot limit (NaN when considered nowhere)
 * @param warmFraction share of those with slope over the warm limit
 * @param illuminatedIntegrations of those, integrations whose amplifier was illuminated (DEAD is judged on them)
 * @param deadFraction share of those with |slope| under the dead limit (NaN when none was illuminated)
 * @param noise sample standard deviation of its integration slopes (NaN when NOISY was not judged for it)
 * @param meanJumps mean JUMP_DET groups per integration (NaN without corrected ramps)
 */
public record PixelHealth(int row, int col, int amplifier, Set<PixelState> states, int integrations,
        double hotFraction, double warmFraction, int illuminatedIntegrations, double deadFraction, double noise,
        double meanJumps) {

    public PixelHealth {
        states = Set.copyOf(states);
    }

    public boolean has(PixelState state) {
        return states.contains(state);
    }
}
