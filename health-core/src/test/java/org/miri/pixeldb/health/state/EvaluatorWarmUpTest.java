package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluatorWarmUpTest {

    @Test
    void theMadeUpExposureFindsExactlyItsHotPixels() {
        ExposureHealth health = EvaluatorWarmUp.run(new HealthEvaluator(HealthThresholds.DEFAULTS), 2);
        // Every 97th pixel is 40 sigma above the others in all five integrations; reference columns are not judged.
        DetectorGrid grid = new DetectorGrid(1, 1, 256, 1032);
        int planted = 0;
        for (int p = 0; p < grid.pixels(); p += 97) {
            planted += grid.referenceColumn(p) ? 0 : 1;
        }
        assertEquals(planted, health.counts().get(PixelState.HOT));
        assertEquals(0, health.counts().getOrDefault(PixelState.DEAD, 0), "a lit, uniform frame has no dead pixel");
        assertEquals(0, health.counts().getOrDefault(PixelState.WARM, 0), "5 sigma of noise makes no warm pixel");
    }
}
