package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.model.DqFlags;

/** Small hand-made exposures through the whole evaluation: geometry, bookkeeping, pixels without any data. */
class HealthEvaluatorTest {

    // 4 rows x 8 columns at full-frame rows 101-104, columns 5-12: 8 pixels per amplifier.
    private static final DetectorGrid GRID = new DetectorGrid(101, 5, 4, 8);

    /** Three integrations, every slope 100 + the pixel's index mod 5, pixel 9 hot, pixel 3 never usable. */
    private static ExposureSlopes exposure() {
        List<IntegrationSlopes> integrations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] slopes = new float[GRID.pixels()];
            int[] dq = new int[GRID.pixels()];
            for (int p = 0; p < slopes.length; p++) {
                slopes[p] = 100 + p % 5;
            }
            slopes[9] = 1000;
            dq[3] = DqFlags.DO_NOT_USE;
            integrations.add(new IntegrationSlopes(slopes, dq));
        }
        return ExposureSlopes.of(GRID, integrations);
    }

    @Test
    void aHotPixelIsReportedAtItsFullFrameRowAndColumn() {
        ExposureHealth health = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(exposure());
        List<PixelHealth> flagged = health.flagged();
        assertEquals(1, flagged.size());
        PixelHealth hot = flagged.get(0);
        assertEquals(Set.of(PixelState.HOT), hot.states());
        assertEquals(102, hot.row());
        assertEquals(6, hot.col());
        assertEquals(2, hot.amplifier());
        assertEquals(3, hot.integrations());
        assertEquals(1.0, hot.hotFraction());
        assertTrue(Double.isNaN(hot.meanJumps()), "no jump counts given");
        assertEquals(1, health.counts().get(PixelState.HOT));
        assertEquals(0, health.counts().get(PixelState.JUMPY));
    }

    @Test
    void aPixelConsideredInNoIntegrationHasNoStateAndNoStatistics() {
        PixelHealth never = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(exposure()).pixel(3);
        assertEquals(Set.of(), never.states());
        assertEquals(0, never.integrations());
        assertTrue(Double.isNaN(never.hotFraction()) && Double.isNaN(never.noise()));
    }

    @Test
    void oneRowPerIntegrationAndAmplifierWithEveryStateCounted() {
        ExposureHealth health = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(exposure());
        assertEquals(12, health.amplifierIntegrations().size());
        AmplifierIntegration first = health.amplifierIntegrations().get(0);
        assertEquals(1, first.integration());
        assertEquals(1, first.amplifier());
        assertEquals(8, first.pixels());
        assertEquals(Set.of(PixelState.values()), first.counts().keySet());
        AmplifierIntegration amplifier4 = health.amplifierIntegrations().get(3);
        assertEquals(7, amplifier4.pixels(), "pixel 3 (column 8, amplifier 4) is DO_NOT_USE");
        assertEquals(1, health.amplifierIntegrations().get(1).counts().get(PixelState.HOT));
        assertEquals(4, health.amplifierSpreads().size());
        assertTrue(health.amplifierSpreads().get(0).noise().defined(), "3 integrations: NOISY judged");
    }

    @Test
    void inconsistentInputIsRefused() {
        IntegrationSlopes small = new IntegrationSlopes(new float[5], new int[5]);
        assertEquals("integration 1 has 5 pixels, the 4 x 8 grid 32", assertThrows(IllegalArgumentException.class,
                () -> ExposureSlopes.of(GRID, List.of(small))).getMessage());
        assertEquals("an exposure needs at least one integration", assertThrows(IllegalArgumentException.class,
                () -> ExposureSlopes.of(GRID, List.of())).getMessage());
        IntegrationSlopes fits = new IntegrationSlopes(new float[32], new int[32]);
        assertEquals("31 mean jump counts for 32 pixels", assertThrows(IllegalArgumentException.class,
                () -> ExposureSlopes.withJumps(GRID, List.of(fits), new float[31])).getMessage());
        assertEquals("3 slopes but 2 DQ values", assertThrows(IllegalArgumentException.class,
                () -> new IntegrationSlopes(new float[3], new int[2])).getMessage());
        float[] nan = new float[32];
        Arrays.fill(nan, Float.NaN);
        ExposureHealth empty = new HealthEvaluator(HealthThresholds.DEFAULTS)
                .evaluate(ExposureSlopes.of(GRID, List.of(new IntegrationSlopes(nan, new int[32]))));
        assertEquals(List.of(), empty.flagged());
        assertTrue(Double.isNaN(empty.amplifierIntegrations().get(0).median()));
    }
}
