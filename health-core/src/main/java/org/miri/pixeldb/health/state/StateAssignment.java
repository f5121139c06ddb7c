package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * Gives each pixel its states once the per-pixel tallies and the amplifiers' noise and jump statistics are known.
 * A pixel considered in no integration gets no state.
 */
final class StateAssignment {

    private final HealthThresholds thresholds;
    private final AmplifierStatistics amplifiers;
    private final ClippedStats[] noise;
    private final ClippedStats[] jumps;
    private final NoiseRule noiseRule;
    private final JumpRule jumpRule;

    StateAssignment(HealthThresholds thresholds, AmplifierStatistics amplifiers, ClippedStats[] noise,
            ClippedStats[] jumps) {
        this.thresholds = thresholds;
        this.amplifiers = amplifiers;
        this.noise = noise;
        this.jumps = jumps;
        this.noiseRule = new NoiseRule(thresholds);
        this.jumpRule = new JumpRule(thresholds);
    }

    void assign(PixelTable table) {
        for (int p = 0; p < table.noise().length; p++) {
            IntensityTally tally = table.tally(p);
            if (tally.considered() == 0) {
                continue;
            }
            int a = amplifiers.amplifier(p) - 1;
            if (tally.hot(thresholds)) {
                table.add(p, PixelState.HOT);
            }
            if (tally.warm(thresholds)) {
                table.add(p, PixelState.WARM);
            }
            if (tally.dead(thresholds)) {
                table.add(p, PixelState.DEAD);
            }
            if (noiseRule.noisy(table.noise()[p], noise[a])) {
                table.add(p, PixelState.NOISY);
            }
            if (jumpRule.jumpy(table.meanJumps()[p], jumps[a])) {
                table.add(p, PixelState.JUMPY);
            }
        }
    }
}
