package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.health.stats.ClippedStats;

/** NOISY and JUMPY at and around their limits; and the jump counts they start from. */
class SpreadRulesTest {

    private static final HealthThresholds T = HealthThresholds.DEFAULTS;
    private final NoiseRule noise = new NoiseRule(T);
    private final JumpRule jumps = new JumpRule(T);

    private static ClippedStats stats(double m, double s) {
        return new ClippedStats(m, m, s, 1000, 0, 1);
    }

    @Test
    void noiseIsTheSampleStandardDeviationOfTheConsideredSlopes() {
        assertEquals(Math.sqrt(5.0 / 3), noise.noise(new double[] {1, 2, 3, 4}), 1e-15);
        assertEquals(1.0, noise.noise(new double[] {1, Double.NaN, 2, 3}), 1e-15, "NaN = not considered");
        assertTrue(Double.isNaN(noise.noise(new double[] {1, Double.NaN, 2, Double.NaN})), "2 < 3 considered");
        assertFalse(noise.applies(2));
        assertTrue(noise.applies(3));
    }

    @Test
    void noisyIsStrictlyAboveTheClippedLimit() {
        ClippedStats amplifier = stats(1.0, 0.25); // limit 1 + 5 x 0.25 = 2.25
        assertFalse(noise.noisy(2.25, amplifier));
        assertTrue(noise.noisy(Math.nextUp(2.25), amplifier));
        assertFalse(noise.noisy(Double.NaN, amplifier));
        assertFalse(noise.noisy(100, ClippedStats.EMPTY));
    }

    @Test
    void jumpyNeedsTheClippedLimitStrictlyAndAtLeastOneJumpPerIntegration() {
        ClippedStats quiet = stats(0, 0); // most pixels have no jump: limit 0
        assertTrue(jumps.jumpy(1.0, quiet), "exactly the floor of 1");
        assertFalse(jumps.jumpy(0.75, quiet), "over the limit but under the floor");
        ClippedStats busy = stats(0.5, 0.2); // limit 1.5
        assertFalse(jumps.jumpy(1.5, busy));
        assertTrue(jumps.jumpy(Math.nextUp(1.5), busy));
        assertFalse(jumps.jumpy(Double.NaN, quiet));
    }

    @Test
    void meanJumpDetGroupsPerIntegration() {
        // 2 groups x 3 pixels per integration; JUMP_DET is value 4, other bits do not count.
        byte[] first = {4, 0, 5, 4, 2, 0};
        byte[] second = {(byte) 0x84, 0, 0, 0, 4, 1};
        float[] mean = JumpCounts.meanPerIntegration(List.of(first, second), 2, 3);
        assertEquals(1.5f, mean[0]);
        assertEquals(0.5f, mean[1]);
        assertEquals(0.5f, mean[2]);
    }
}
