package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.model.DqFlags;

class ConsideredSlopesTest {

    private static final HealthThresholds T = HealthThresholds.DEFAULTS;

    @Test
    void finiteSlopesWithoutDoNotUseAreConsidered() {
        assertTrue(ConsideredSlopes.considered(12.5f, 0, false, T));
        assertTrue(ConsideredSlopes.considered(-3f, DqFlags.JUMP_DET | DqFlags.SATURATED, false, T));
        assertFalse(ConsideredSlopes.considered(Float.NaN, 0, false, T));
        assertFalse(ConsideredSlopes.considered(Float.POSITIVE_INFINITY, 0, false, T));
        assertFalse(ConsideredSlopes.considered(12.5f, DqFlags.DO_NOT_USE, false, T));
        assertFalse(ConsideredSlopes.considered(12.5f, 16_777_217, false, T), "UNRELIABLE_SLOPE + DO_NOT_USE");
    }

    @Test
    void referencePixelsAreLeftOutUnlessAskedFor() {
        int referencePixel = (int) 2_147_483_648L; // bit 31, as RATEINTS gives reference pixels (no DO_NOT_USE)
        assertFalse(ConsideredSlopes.considered(0f, referencePixel, false, T));
        assertFalse(ConsideredSlopes.considered(3f, 0, true, T), "reference column, quick-look DQ 0");
        HealthThresholds all = T.withConsiderReferencePixels(true);
        assertTrue(ConsideredSlopes.considered(0f, referencePixel, false, all));
        assertTrue(ConsideredSlopes.considered(3f, 0, true, all));
        assertFalse(ConsideredSlopes.considered(0f, referencePixel | DqFlags.DO_NOT_USE, true, all));
    }
}
