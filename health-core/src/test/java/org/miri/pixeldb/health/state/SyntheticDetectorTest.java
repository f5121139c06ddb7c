package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The production rules against {@link IndependentRules} on synthetic SUB64 exposures with injected defects: equal
 * state sets pixel for pixel, equal per-integration, per-amplifier statistics, and every injected defect found.
 */
class SyntheticDetectorTest {

    private static final double[] LIT = {0, 120, 95, 140, 110};
    private static final double[] LIT_SIGMA = {0, 3, 2.5, 4, 3};
    private final HealthEvaluator evaluator = new HealthEvaluator(HealthThresholds.DEFAULTS);

    private static Map<Integer, Set<PixelState>> statesOf(ExposureHealth health) {
        Map<Integer, Set<PixelState>> states = new HashMap<>();
        for (int p = 0; p < health.grid().pixels(); p++) {
            if (!health.pixel(p).states().isEmpty()) {
                states.put(p, EnumSet.copyOf(health.pixel(p).states()));
            }
        }
        return states;
    }

    private static ExposureHealth checkedAgainstIndependent(SyntheticDetector detector, boolean withJumps) {
        ExposureHealth health = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(detector.exposure(withJumps));
        IndependentRules.Result expected = IndependentRules.apply(1, 72, detector.slopes, detector.dq,
                withJumps ? detector.jumps : null);
        assertEquals(expected.states(), statesOf(health), "state sets, pixel for pixel");
        assertEquals(4 * detector.slopes.size(), health.amplifierIntegrations().size());
        for (AmplifierIntegration row : health.amplifierIntegrations()) {
            double[] m = expected.amplifiers().get(row.integration() + "/" + row.amplifier());
            assertEquals(m[0], row.median(), 1e-9 * Math.abs(m[0]), "m of " + row);
            assertEquals(m[1], row.std(), 1e-9 * Math.abs(m[1]), "s of " + row);
            assertEquals((int) m[2], row.pixels(), "pixels of " + row);
            assertEquals(expected.counts().get(row.integration() + "/" + row.amplifier()), row.counts(),
                    "state counts of " + row);
        }
        return health;
    }

    @Test
    void anIlluminatedExposureMatchesTheIndependentRulesAndFindsEveryDefect() {
        SyntheticDetector detector = new SyntheticDetector(14, 4, LIT, LIT_SIGMA);
        ExposureHealth health = checkedAgainstIndependent(detector, true);
        Map<Integer, Set<PixelState>> found = statesOf(health);
        int firstHot = detector.injected.get(PixelState.HOT).iterator().next();
        for (PixelState state : PixelState.values()) {
            for (int p : detector.injected.get(state)) {
                assertEquals(p == firstHot ? Set.of(state, PixelState.NOISY) : Set.of(state), found.get(p),
                        state + " pixel " + p);
            }
        }
        // Hot in 3 of 4 integrations: HOT, and its jump between integrations makes it NOISY as well.
        assertEquals(0.75, health.pixel(firstHot).hotFraction());
        int injected = detector.injected.values().stream().mapToInt(Set::size).sum();
        assertEquals(injected, found.size(), "no pixel flagged that was not made defective: " + found);
        assertFalse(found.containsKey(SyntheticDetector.UNUSABLE), "DO_NOT_USE everywhere: no state");
        assertEquals(0, health.pixel(SyntheticDetector.UNUSABLE).integrations());
        assertEquals(3, health.pixel(SyntheticDetector.PARTLY_NAN).integrations());
        Map<PixelState, Integer> counts = health.counts();
        detector.injected.forEach((state, pixels) -> assertEquals(pixels.size() + (state == PixelState.NOISY ? 1 : 0),
                counts.get(state), state + " (the first hot pixel is NOISY too)"));
    }

    @Test
    void referencePixelsTakeNoPartAndGetNoState() {
        SyntheticDetector detector = new SyntheticDetector(15, 4, LIT, LIT_SIGMA);
        ExposureHealth health = checkedAgainstIndependent(detector, true);
        for (int p = 0; p < health.grid().pixels(); p++) {
            if (health.grid().referenceColumn(p)) {
                assertTrue(health.pixel(p).states().isEmpty());
                assertEquals(0, health.pixel(p).integrations());
            }
        }
        // 18 columns per amplifier, one of them a reference column: 17 x 64 pixels, minus the unusable ones.
        health.amplifierIntegrations().forEach(row -> assertTrue(row.pixels() <= 17 * 64 && row.pixels() > 1000));
        health.amplifierIntegrations().forEach(row -> assertEquals(LIT[row.amplifier()], row.median(),
                0.1 * LIT_SIGMA[row.amplifier()], "clipped median near the amplifier's level: " + row));
    }

    @Test
    void aDarkExposureIsNotJudgedForDead() {
        SyntheticDetector detector = new SyntheticDetector(16, 4, new double[] {0, 0.5, 0.4, 0.6, 0.5},
                new double[] {0, 0.3, 0.3, 0.3, 0.3});
        ExposureHealth health = checkedAgainstIndependent(detector, true);
        for (int p : detector.injected.get(PixelState.DEAD)) {
            assertFalse(health.pixel(p).has(PixelState.DEAD));
            assertEquals(0, health.pixel(p).illuminatedIntegrations());
            assertTrue(Double.isNaN(health.pixel(p).deadFraction()));
        }
        assertEquals(0, health.counts().get(PixelState.DEAD));
    }

    @Test
    void twoIntegrationsAreNotJudgedForNoiseAndNoJumpCountsNotForJumps() {
        SyntheticDetector detector = new SyntheticDetector(17, 2, LIT, LIT_SIGMA);
        ExposureHealth health = checkedAgainstIndependent(detector, false);
        assertEquals(0, health.counts().get(PixelState.NOISY));
        assertEquals(0, health.counts().get(PixelState.JUMPY));
        health.amplifierSpreads().forEach(spread -> assertFalse(spread.noise().defined() || spread.jumps().defined()));
        int firstHot = detector.injected.get(PixelState.HOT).iterator().next();
        for (int p : detector.injected.get(PixelState.HOT)) {
            assertEquals(p != firstHot, health.pixel(p).has(PixelState.HOT), "1 of 2 is not 75 %: pixel " + p);
        }
    }

    @Test
    void moreIntegrationsAndOtherSeedsAgreeToo() {
        for (long seed = 20; seed < 24; seed++) {
            checkedAgainstIndependent(new SyntheticDetector(seed, 5 + (int) (seed % 3), LIT, LIT_SIGMA), true);
        }
    }
}
