package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * HOT, WARM and DEAD at and around their limits, with the amplifier statistics given directly. Exactly on a limit:
 * slope = m + 5s is not HOT, slope = m + 3s not over the warm limit, |slope| = 0.05 m not under the dead limit (the
 * issue's comparisons are strict); m = 10 s is illuminated (">="); a share of exactly 75 % passes ("at least").
 */
class IntensityRulesTest {

    private static final HealthThresholds T = HealthThresholds.DEFAULTS;
    private final IntensityRules rules = new IntensityRules(T);

    private static ClippedStats[] baselines(int n, double m, double s) {
        ClippedStats[] b = new ClippedStats[n];
        Arrays.fill(b, new ClippedStats(m, m, s, 1000, 0, 1));
        return b;
    }

    private IntensityTally tally(double m, double s, double... slopes) {
        return rules.tally(slopes, baselines(slopes.length, m, s));
    }

    @Test
    void theHotAndWarmLimitsAreStrict() {
        // m = 100, s = 2: hot limit 110, warm limit 106.
        IntensityTally onHot = tally(100, 2, 110, 110, 110, 110);
        assertEquals(0, onHot.overHot());
        assertEquals(4, onHot.overWarm());
        assertFalse(onHot.hot(T));
        assertTrue(onHot.warm(T));
        assertTrue(tally(100, 2, Math.nextUp(110.0), 111, 112, 113).hot(T));
        IntensityTally onWarm = tally(100, 2, 106, 106, 106, 106);
        assertEquals(0, onWarm.overWarm());
        assertFalse(onWarm.warm(T));
        assertTrue(tally(100, 2, Math.nextUp(106.0), 107, 107, 107).warm(T));
    }

    @Test
    void seventyFivePercentOfTheConsideredIntegrationsIsEnough() {
        assertTrue(tally(100, 2, 120, 120, 120, 100).hot(T), "3 of 4");
        assertFalse(tally(100, 2, 120, 120, 100, 100).hot(T), "2 of 4");
        assertFalse(tally(100, 2, 120, 120, 100, Double.NaN).hot(T), "2 of the 3 where it is considered");
        assertTrue(tally(100, 2, 120, 120, 120, Double.NaN).hot(T), "3 of 3");
        assertTrue(tally(100, 2, Double.NaN, 120, Double.NaN, Double.NaN).hot(T), "1 of 1: judged on that one");
        assertEquals(0.75, tally(100, 2, 120, 120, 120, 100).hotFraction());
        assertEquals(2.0 / 3, tally(100, 2, 120, 120, 100, Double.NaN).hotFraction());
    }

    @Test
    void hotExcludesWarmAndWarmCountsTheIntegrationsOverTheHotLimitToo() {
        IntensityTally hot = tally(100, 2, 120, 120, 120, 120);
        assertTrue(hot.hot(T));
        assertFalse(hot.warm(T));
        IntensityTally mixed = tally(100, 2, 120, 120, 107, 100);
        assertFalse(mixed.hot(T), "2 of 4 over the hot limit");
        assertTrue(mixed.warm(T), "3 of 4 over the warm limit");
        assertEquals(0.5, mixed.hotFraction());
        assertEquals(0.75, mixed.warmFraction());
    }

    @Test
    void theDeadLimitIsStrictAndUsesTheAbsoluteSlope() {
        // m = 100, s = 5: illuminated (100 >= 50); dead limit |slope| < 5.
        assertFalse(tally(100, 5, 5, 5, 5, 5).dead(T), "exactly 0.05 m");
        assertTrue(tally(100, 5, Math.nextDown(5.0), 0, -4.9, 1).dead(T));
        assertFalse(tally(100, 5, -5, -5, -5, -5).dead(T));
        assertTrue(tally(100, 5, 0, 0, 0, 50).dead(T), "3 of 4");
        assertFalse(tally(100, 5, 0, 0, 50, 50).dead(T), "2 of 4");
    }

    @Test
    void deadIsJudgedOnlyOnIlluminatedIntegrations() {
        assertTrue(rules.illuminated(new ClippedStats(100, 100, 10, 10, 0, 1)), "m = 10 s exactly");
        assertFalse(rules.illuminated(new ClippedStats(100, 100, Math.nextUp(10.0), 10, 0, 1)));
        IntensityTally dark = tally(0.5, 0.3, 0, 0, 0, 0);
        assertEquals(0, dark.illuminated());
        assertTrue(Double.isNaN(dark.deadFraction()));
        assertFalse(dark.dead(T), "not evaluated: no illuminated integration");
        // Two illuminated integrations (m = 100, s = 5) and two dark ones (s = 20): dead in both illuminated ones.
        ClippedStats lit = new ClippedStats(100, 100, 5, 1000, 0, 1);
        ClippedStats unlit = new ClippedStats(100, 100, 20, 1000, 0, 1);
        IntensityTally partly = rules.tally(new double[] {0, 90, 0, 95}, new ClippedStats[] {lit, unlit, lit, unlit});
        assertEquals(2, partly.illuminated());
        assertEquals(1.0, partly.deadFraction());
        assertTrue(partly.dead(T));
    }

    @Test
    void aPixelConsideredNowhereHasNothing() {
        IntensityTally none = tally(100, 2, Double.NaN, Double.NaN);
        assertEquals(new IntensityTally(0, 0, 0, 0, 0), none);
        assertFalse(none.hot(T) || none.warm(T) || none.dead(T));
        assertTrue(Double.isNaN(none.hotFraction()) && Double.isNaN(none.warmFraction()));
    }
}
