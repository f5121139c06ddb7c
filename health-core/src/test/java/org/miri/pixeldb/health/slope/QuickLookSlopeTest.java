package org.miri.pixeldb.health.slope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.model.DqFlags;

class QuickLookSlopeTest {

    private static final double TGROUP = 2.775;

    /** y = intercept + perGroup * g for every group g. */
    private static int[] linear(int ngroups, int intercept, int perGroup) {
        int[] ramp = new int[ngroups];
        for (int g = 0; g < ngroups; g++) {
            ramp[g] = intercept + perGroup * g;
        }
        return ramp;
    }

    @Test
    void anExactLineGivesItsSlopeExactly() {
        RampSlope fit = new QuickLookSlope(10, TGROUP).fit(linear(10, 1000, 37));
        assertEquals(37 / TGROUP, fit.dnPerSecond());
        assertEquals(0, fit.dq());
        assertEquals(8, fit.samples(), "groups 1..8 of 0..9");
    }

    @Test
    void theFirstAndLastGroupsAreLeftOutFromFourGroupsOn() {
        int[] ramp = linear(12, 2000, 5);
        ramp[0] = 0;
        ramp[11] = 60_000;
        assertEquals(5 / TGROUP, new QuickLookSlope(12, TGROUP).fit(ramp).dnPerSecond());
        // NGROUPS 4: groups 1 and 2 only.
        RampSlope four = new QuickLookSlope(4, 1.0).fit(new int[] {0, 100, 300, 10_000});
        assertEquals(200.0, four.dnPerSecond());
        assertEquals(2, four.samples());
    }

    @Test
    void threeOrFewerGroupsUseEveryGroup() {
        // Least squares over (0,100), (1,200), (2,400): slope 150 per group.
        RampSlope three = new QuickLookSlope(3, 0.5).fit(new int[] {100, 200, 400});
        assertEquals(300.0, three.dnPerSecond());
        assertEquals(3, three.samples());
        assertEquals(200.0, new QuickLookSlope(2, 1.0).fit(new int[] {100, 300}).dnPerSecond());
        RampSlope one = new QuickLookSlope(1, 1.0).fit(new int[] {100});
        assertTrue(Double.isNaN(one.dnPerSecond()));
        assertEquals(DqFlags.DO_NOT_USE, one.dq());
    }

    @Test
    void samplesAtOrAbove65000AreLeftOutAndFlagSaturated() {
        // Groups 1..8 of 64990 + 3g: 64993, 64996, 64999 are kept; 65002.. are not.
        RampSlope fit = new QuickLookSlope(10, TGROUP).fit(linear(10, 64_990, 3));
        assertEquals(3 / TGROUP, fit.dnPerSecond());
        assertEquals(3, fit.samples());
        assertEquals(DqFlags.SATURATED, fit.dq(), "still usable: DO_NOT_USE is not set");
        // 64999 is kept, exactly 65000 is not.
        RampSlope edge = new QuickLookSlope(5, 1.0).fit(new int[] {0, 64_998, 64_999, 65_000, 0});
        assertEquals(1.0, edge.dnPerSecond());
        assertEquals(2, edge.samples());
    }

    @Test
    void fewerThanTwoSamplesGiveNanAndDoNotUse() {
        RampSlope fit = new QuickLookSlope(5, 1.0).fit(new int[] {0, 64_999, 65_000, 65_535, 0});
        assertTrue(Double.isNaN(fit.dnPerSecond()));
        assertEquals(DqFlags.DO_NOT_USE | DqFlags.SATURATED, fit.dq());
        assertEquals(1, fit.samples());
        assertTrue(!fit.usable());
        RampSlope none = new QuickLookSlope(5, 1.0).fit(new int[] {0, 65_000, 65_000, 65_000, 0});
        assertTrue(Double.isNaN(none.dnPerSecond()));
        assertEquals(0, none.samples());
    }

    @Test
    void noisyRampsEqualTheClosedFormFit() {
        java.util.Random random = new java.util.Random(20_260_314L);
        for (int trial = 0; trial < 200; trial++) {
            int ngroups = 4 + random.nextInt(60);
            double rate = random.nextDouble() * 400 - 50;
            int[] ramp = new int[ngroups];
            for (int g = 0; g < ngroups; g++) {
                long dn = Math.round(20_000 + rate * g * TGROUP + random.nextGaussian() * 8);
                ramp[g] = (int) Math.max(0, Math.min(65_535, dn)); // fast ramps saturate: left out alike
            }
            double expected = ClosedForm.slope(ramp, 1, ngroups - 2, TGROUP);
            double actual = new QuickLookSlope(ngroups, TGROUP).fit(ramp).dnPerSecond();
            assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), "trial " + trial);
        }
    }

    @Test
    void charAndIntSamplesGiveTheSameSlope() {
        int[] ints = linear(20, 30_000, 123);
        char[] chars = new char[ints.length];
        for (int g = 0; g < ints.length; g++) {
            chars[g] = (char) ints[g];
        }
        QuickLookSlope slope = new QuickLookSlope(20, TGROUP);
        assertEquals(slope.fit(ints), slope.fit(chars));
    }

    @Test
    void nonsenseIsRefusedWithItsReason() {
        assertEquals("TGROUP must be a finite number of seconds > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new QuickLookSlope(10, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new QuickLookSlope(10, Double.NaN));
        assertEquals("NGROUPS must be between 1 and 50000, got 0",
                assertThrows(IllegalArgumentException.class, () -> new QuickLookSlope(0, 1)).getMessage());
        QuickLookSlope slope = new QuickLookSlope(4, 1);
        assertEquals("a ramp of 3 samples for NGROUPS 4",
                assertThrows(IllegalArgumentException.class, () -> slope.fit(new int[3])).getMessage());
        assertEquals("sample 70000 of group 1 is not a uint16 value", assertThrows(IllegalArgumentException.class,
                () -> slope.fit(new int[] {0, 70_000, 0, 0})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> slope.fit(new int[] {0, -1, 0, 0}));
        assertEquals("offset 2 and stride 3 for 4 groups reach index 11 of an array of 11",
                assertThrows(IllegalArgumentException.class, () -> slope.fit(new char[11], 2, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> slope.fit(new char[20], 0, 0));
    }
}
