package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.health.stats.ClipSettings;

class HealthThresholdsTest {

    private static final ClipSettings CLIP = ClipSettings.ASTROPY_DEFAULTS;

    @Test
    void theDefaultsAreTheIssuesValues() {
        HealthThresholds t = HealthThresholds.DEFAULTS;
        assertEquals(5, t.hotSigma());
        assertEquals(3, t.warmSigma());
        assertEquals(0.75, t.persistentFraction());
        assertEquals(0.05, t.deadFraction());
        assertEquals(10, t.illuminatedSigma());
        assertEquals(3, t.noisyMinIntegrations());
        assertEquals(5, t.noisySigma());
        assertEquals(5, t.jumpySigma());
        assertEquals(1, t.jumpyMinimum());
        assertEquals(new ClipSettings(3, 5), t.clip());
        assertFalse(t.considerReferencePixels());
    }

    private static String refusal(double hot, double warm, double fraction, double dead, double illuminated,
            int noisyInts, double noisy, double jumpy, double jumpyMin) {
        return assertThrows(IllegalArgumentException.class, () -> new HealthThresholds(hot, warm, fraction, dead,
                illuminated, noisyInts, noisy, jumpy, jumpyMin, CLIP, false)).getMessage();
    }

    @Test
    void nonsenseValuesAreRefusedNamingTheSetting() {
        assertEquals("hotSigma must be a finite number > 0, got -5.0", refusal(-5, 3, .75, .05, 10, 3, 5, 5, 1));
        assertEquals("hotSigma must be a finite number > 0, got NaN", refusal(Double.NaN, 3, .75, .05, 10, 3, 5, 5, 1));
        assertEquals("warmSigma must be a finite number > 0, got 0.0", refusal(5, 0, .75, .05, 10, 3, 5, 5, 1));
        assertEquals("warmSigma (5.0) must be below hotSigma (5.0): WARM is the band between the two limits",
                refusal(5, 5, .75, .05, 10, 3, 5, 5, 1));
        assertEquals("persistentFraction must be a fraction in (0, 1], got 0.0", refusal(5, 3, 0, .05, 10, 3, 5, 5, 1));
        assertEquals("persistentFraction must be a fraction in (0, 1], got 75.0",
                refusal(5, 3, 75, .05, 10, 3, 5, 5, 1));
        assertEquals("deadFraction must be a fraction in (0, 1), got 1.0", refusal(5, 3, .75, 1, 10, 3, 5, 5, 1));
        assertEquals("illuminatedSigma must be a finite number >= 0, got -1.0",
                refusal(5, 3, .75, .05, -1, 3, 5, 5, 1));
        assertEquals("noisyMinIntegrations must be at least 2 (a ddof-1 standard deviation needs two slopes), got 1",
                refusal(5, 3, .75, .05, 10, 1, 5, 5, 1));
        assertEquals("noisySigma must be a finite number > 0, got Infinity",
                refusal(5, 3, .75, .05, 10, 3, Double.POSITIVE_INFINITY, 5, 1));
        assertEquals("jumpySigma must be a finite number > 0, got 0.0", refusal(5, 3, .75, .05, 10, 3, 5, 0, 1));
        assertEquals("jumpyMinimum must be a finite number >= 0, got -0.5", refusal(5, 3, .75, .05, 10, 3, 5, 5, -.5));
        assertEquals("clip settings are required", assertThrows(IllegalArgumentException.class,
                () -> new HealthThresholds(5, 3, .75, .05, 10, 3, 5, 5, 1, null, false)).getMessage());
    }

    @Test
    void boundaryValuesThatMakeSenseAreAccepted() {
        new HealthThresholds(5, 4.999, 1.0, 0.999, 0, 2, 0.1, 0.1, 0, CLIP, true);
    }
}
