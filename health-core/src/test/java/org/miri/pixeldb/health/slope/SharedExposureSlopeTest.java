package org.miri.pixeldb.health.slope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.health.SharedExposure;

/**
 * Quick-look slopes of the real JPL8 SUB64 exposure (SCI: 5 integrations x 50 groups x 64 x 72, uint16 stored as
 * int16 with BZERO 32768) against a direct double-precision least-squares fit of every one of its 23,040 raw ramps.
 */
class SharedExposureSlopeTest {

    @Test
    void everyRampOfTheRealExposureMatchesADirectFit() throws Exception {
        Path file = SharedExposure.file(SharedExposure.PIPE);
        short[][][][] stored;
        double tgroup;
        try (Fits fits = new Fits(file.toFile())) {
            Header primary = fits.getHDU(0).getHeader();
            tgroup = primary.getDoubleValue("TGROUP");
            var sci = fits.getHDU("SCI");
            assertEquals(32768, sci.getHeader().getIntValue("BZERO"), "uint16 as int16 + BZERO 32768");
            stored = (short[][][][]) sci.getKernel();
        }
        assertEquals(0.085, tgroup);
        int nints = stored.length;
        int ngroups = stored[0].length;
        int rows = stored[0][0].length;
        int cols = stored[0][0][0].length;
        assertEquals(5 * 50 * 64 * 72, nints * ngroups * rows * cols);
        QuickLookIntegration quickLook = new QuickLookIntegration(ngroups, rows, cols, tgroup);
        int checked = 0;
        for (int i = 0; i < nints; i++) {
            char[] cube = new char[ngroups * rows * cols];
            for (int g = 0; g < ngroups; g++) {
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        cube[(g * rows + y) * cols + x] = (char) (stored[i][g][y][x] + 32768); // BZERO by arithmetic
                    }
                }
            }
            SlopePlane plane = quickLook.fit(cube);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    int[] ramp = new int[ngroups];
                    for (int g = 0; g < ngroups; g++) {
                        ramp[g] = stored[i][g][y][x] + 32768;
                    }
                    double expected = ClosedForm.slope(ramp, 1, ngroups - 2, tgroup);
                    assertTrue(Double.isFinite(expected), "this exposure has no saturated ramp");
                    assertEquals((float) expected, plane.slope(y, x), ClosedForm.float32Tolerance(expected),
                            "integration " + (i + 1) + ", pixel y=" + y + " x=" + x);
                    assertEquals(0, plane.dq(y, x));
                    checked++;
                }
            }
        }
        assertEquals(23_040, checked);
    }
}
