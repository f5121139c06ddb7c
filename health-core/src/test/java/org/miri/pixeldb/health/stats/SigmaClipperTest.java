package org.miri.pixeldb.health.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-made cases of the clipping's edges; the agreement with astropy is {@link SigmaClipperReferenceTest}. */
class SigmaClipperTest {

    private final SigmaClipper clipper = SigmaClipper.astropyDefaults();

    @Test
    void aValueExactlyOnTheBoundIsKeptAndOneBeyondItIsNot() {
        // 16 zeros, -3, 3: median 0, std exactly 1, bounds exactly [-3, 3]: astropy keeps x <= centre + 3 std.
        double[] values = new double[18];
        values[16] = -3;
        values[17] = 3;
        ClippedStats onBound = clipper.stats(values);
        assertEquals(18, onBound.kept());
        assertEquals(1.0, onBound.std());
        // 32 zeros, -3, 3.5: the std is ~0.78, so 3.5 and -3 are beyond 3 std and both go in the first iteration.
        double[] beyond = new double[34];
        beyond[32] = -3;
        beyond[33] = 3.5;
        ClippedStats clipped = clipper.stats(beyond);
        assertEquals(32, clipped.kept());
        assertEquals(2, clipped.rejected());
        assertEquals(0.0, clipped.std());
        assertEquals(2, clipped.iterations(), "the second iteration rejects nothing and ends the loop");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        ClippedStats stats = clipper.stats(new double[] {4, 1, 3, 2});
        assertEquals(2.5, stats.median());
        assertEquals(2.5, stats.mean());
        assertEquals(Math.sqrt(1.25), stats.std(), 1e-15, "population std, ddof 0");
        assertEquals(3.0, clipper.stats(new double[] {5, 1, 3}).median());
    }

    @Test
    void nanAndInfinitiesAreIgnoredAndNothingFiniteGivesNan() {
        ClippedStats stats = clipper.stats(new double[] {Double.NaN, 1, 2, Double.NEGATIVE_INFINITY, 3});
        assertEquals(2.0, stats.median());
        assertEquals(3, stats.kept());
        assertSame(ClippedStats.EMPTY, clipper.stats(new double[] {Double.NaN, Double.NaN}));
        assertSame(ClippedStats.EMPTY, clipper.stats(new double[0]));
        assertTrue(Double.isNaN(ClippedStats.EMPTY.medianPlus(5)), "no limit passes against undefined stats");
        assertEquals(2, clipper.stats(new double[] {1, 2, 3, 99}, 2).kept(), "only the first count values");
    }

    @Test
    void iterationsStopAtMaxIterationsEvenWhileStillRejecting() {
        double[] heavy = DataSets.named("heavy_tail");
        ClippedStats five = clipper.stats(heavy);
        ClippedStats many = new SigmaClipper(new ClipSettings(3, 100)).stats(heavy);
        assertEquals(5, five.iterations());
        assertTrue(many.iterations() > 5 && many.kept() < five.kept());
        ClippedStats one = new SigmaClipper(new ClipSettings(3, 1)).stats(heavy);
        assertEquals(1, one.iterations());
        assertTrue(one.kept() > five.kept());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertEquals("clipping sigma must be a finite number > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ClipSettings(0, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClipSettings(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> new ClipSettings(Double.POSITIVE_INFINITY, 5));
        assertEquals("clipping needs at least 1 iteration, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ClipSettings(3, 0)).getMessage());
    }
}
