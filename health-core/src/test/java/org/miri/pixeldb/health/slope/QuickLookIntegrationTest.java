package org.miri.pixeldb.health.slope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.model.DqFlags;

class QuickLookIntegrationTest {

    private static final int GROUPS = 12;
    private static final int ROWS = 7;
    private static final int COLS = 9;
    private static final double TGROUP = 0.277;

    /** A [group][row][col] cube of linear ramps with pixel-dependent rates, one saturating, one never usable. */
    private static char[] cube() {
        Random random = new Random(7L);
        char[] cube = new char[GROUPS * ROWS * COLS];
        for (int p = 0; p < ROWS * COLS; p++) {
            int rate = p == 10 ? 9_000 : random.nextInt(300);
            for (int g = 0; g < GROUPS; g++) {
                int dn = p == 20 ? 65_100 : Math.min(65_535, 10_000 + rate * g + random.nextInt(5));
                cube[g * ROWS * COLS + p] = (char) dn;
            }
        }
        return cube;
    }

    @Test
    void everyPixelIsItsRampsClosedFormFitInFloat32() {
        char[] cube = cube();
        SlopePlane plane = new QuickLookIntegration(GROUPS, ROWS, COLS, TGROUP).fit(cube);
        for (int p = 0; p < ROWS * COLS; p++) {
            int pixel = p;
            double expected = ClosedForm.slope(g -> cube[g * ROWS * COLS + pixel], 1, GROUPS - 2, TGROUP);
            if (p == 20) {
                assertTrue(Float.isNaN(plane.slopes()[p]));
                assertEquals(DqFlags.DO_NOT_USE | DqFlags.SATURATED, plane.dq()[p]);
                continue;
            }
            assertEquals((float) expected, plane.slopes()[p], ClosedForm.float32Tolerance(expected), "pixel " + p);
            assertEquals(p == 10 ? DqFlags.SATURATED : 0, plane.dq()[p], "pixel " + p);
        }
        assertEquals(plane.slopes()[2 * COLS + 3], plane.slope(2, 3));
    }

    @Test
    void intCubesGiveTheSamePlaneAsCharCubes() {
        char[] chars = cube();
        int[] ints = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            ints[i] = chars[i];
        }
        QuickLookIntegration fit = new QuickLookIntegration(GROUPS, ROWS, COLS, TGROUP);
        SlopePlane fromChars = fit.fit(chars);
        SlopePlane fromInts = fit.fit(ints);
        assertEquals(java.util.Arrays.toString(fromChars.slopes()), java.util.Arrays.toString(fromInts.slopes()));
        assertEquals(java.util.Arrays.toString(fromChars.dq()), java.util.Arrays.toString(fromInts.dq()));
    }

    @Test
    void aCubeOfTheWrongSizeIsRefused() {
        assertEquals("a cube of 12 groups x 7 x 9 needs 756 samples, got 755",
                assertThrows(IllegalArgumentException.class,
                        () -> new QuickLookIntegration(GROUPS, ROWS, COLS, TGROUP).fit(new char[755])).getMessage());
    }
}
