package org.miri.pixeldb.health.state;

import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * Per exposure and amplifier, the clipped statistics the NOISY and JUMPY limits come from: m', s' of the pixels'
 * noise, m'', s'' of their mean jumps per integration. {@link ClippedStats#EMPTY} where the rule was not evaluated
 * (fewer integrations than noisyMinIntegrations; no jump counts).
 */
public record AmplifierSpread(int amplifier, ClippedStats noise, ClippedStats jumps) {

    public AmplifierSpread {
        if (amplifier < 1 || amplifier > FrameGeometry.AMPLIFIERS) {
            throw new IllegalArgumentException("amplifier must be 1.." + FrameGeometry.AMPLIFIERS + ", got " + amplifier);
        }
    }
}
