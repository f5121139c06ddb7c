package org.miri.pixeldb.stack.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miri.pixeldb.stack.synth.CorrectedRampFileTest.assertImage;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** X_rateints.fits and X_rate.fits of the SUB64 2 x 25 exposure, checked against a fit of its X_ramp.fits. */
class SlopeFilesTest {

    static final int GROUPS = 25;
    @TempDir
    static Path folder;
    static Path rateints;
    static Path rate;
    static float[][][][] sci;
    static byte[][][][] groupDq;
    static long[][] pixelDq;
    static double tgroup;

    @BeforeAll
    static void write() throws Exception {
        Map<Product, Path> files = CorrectedProducts.write(CorrectedRampFileTest.SPEC, folder,
                EnumSet.of(Product.RAMP, Product.RATEINTS, Product.RATE), false, false);
        rateints = files.get(Product.RATEINTS);
        rate = files.get(Product.RATE);
        try (ReadBack ramp = new ReadBack(files.get(Product.RAMP))) {
            sci = (float[][][][]) ramp.kernel("SCI");
            groupDq = (byte[][][][]) ramp.kernel("GROUPDQ");
            pixelDq = ramp.unsigned2("PIXELDQ");
            tgroup = ramp.primary().getDoubleValue("TGROUP");
        }
    }

    @Test
    void slopeFilesHaveThePipelinesExtensionsInItsOrder() throws Exception {
        try (ReadBack file = new ReadBack(rateints)) {
            assertEquals(List.of("SCI", "ERR", "DQ", "INT_TIMES", "VAR_POISSON", "VAR_RNOISE"), file.extensions());
            for (String name : List.of("SCI", "ERR", "VAR_POISSON", "VAR_RNOISE")) {
                assertImage(file.header(name), -32, 72, 64, 2);
            }
            assertImage(file.header("DQ"), 32, 72, 64, 2);
            assertEquals(2147483648L, file.header("DQ").getLongValue("BZERO"));
            assertEquals(0, file.header("INT_TIMES").getIntValue("NAXIS2"));
            assertEquals("DN/s", file.header("SCI").getStringValue("BUNIT"));
            assertEquals("COMPLETE", file.primary().getStringValue("S_RAMP"));
            assertEquals("CubeModel", file.primary().getStringValue("DATAMODL"));
            assertEquals(2, file.primary().getIntValue("NINTS"));
        }
        try (ReadBack file = new ReadBack(rate)) {
            assertEquals(List.of("SCI", "ERR", "DQ", "VAR_POISSON", "VAR_RNOISE"), file.extensions());
            assertImage(file.header("SCI"), -32, 72, 64);
            assertImage(file.header("DQ"), 32, 72, 64);
            assertEquals("ImageModel", file.primary().getStringValue("DATAMODL"));
        }
    }

    @Test
    void slopeOfACleanRampIsTheLeastSquaresFitOfItsUsableGroupsOverTgroup() throws Exception {
        int[] pixel = cleanPixel();
        int y = pixel[0];
        int x = pixel[1];
        try (ReadBack file = new ReadBack(rateints); ReadBack exposure = new ReadBack(rate)) {
            double[] slopes = new double[2];
            for (int i = 0; i < 2; i++) {
                // Groups 1..23: MIRI's first and last groups are DO_NOT_USE.
                slopes[i] = leastSquares(sci[i], 1, GROUPS - 2, y, x) / tgroup;
                double slope = ((float[][][]) file.kernel("SCI"))[i][y][x];
                assertEquals(slopes[i], slope, 1e-4 * Math.abs(slopes[i]) + 1e-3);
                double rnoise = 12 * 36 / (Math.pow(GROUPS - 2, 3) - (GROUPS - 2)) / (tgroup * tgroup);
                assertEquals(rnoise, ((float[][][]) file.kernel("VAR_RNOISE"))[i][y][x], 1e-4 * rnoise);
                double poisson = Math.max(0, slopes[i]) / (5.5 * tgroup * (GROUPS - 3));
                assertEquals(poisson, ((float[][][]) file.kernel("VAR_POISSON"))[i][y][x], 1e-4 * poisson + 1e-6);
                assertEquals(Math.sqrt(rnoise + poisson), ((float[][][]) file.kernel("ERR"))[i][y][x], 1e-3);
                assertEquals(0, file.unsigned3("DQ")[i][y][x]);
            }
            // Equal read-noise weights: the exposure's slope is the mean of the two.
            double mean = (slopes[0] + slopes[1]) / 2;
            assertEquals(mean, ((float[][]) exposure.kernel("SCI"))[y][x], 1e-4 * Math.abs(mean) + 1e-3);
        }
    }

    @Test
    void aJumpSplitsTheRampIntoSegmentsWeightedByTheirReadNoise() throws Exception {
        int[] found = jumpPixel();
        int y = found[0];
        int x = found[1];
        int jump = found[2];
        double early = leastSquares(sci[0], 1, jump - 1, y, x);
        double late = leastSquares(sci[0], jump, GROUPS - 1 - jump, y, x);
        double earlyWeight = Math.pow(jump - 1, 3) - (jump - 1);
        double lateWeight = Math.pow(GROUPS - 1 - jump, 3) - (GROUPS - 1 - jump);
        double expected = (early * earlyWeight + late * lateWeight) / (earlyWeight + lateWeight) / tgroup;
        try (ReadBack file = new ReadBack(rateints)) {
            assertEquals(expected, ((float[][][]) file.kernel("SCI"))[0][y][x], 1e-4 * Math.abs(expected) + 1e-3);
            assertEquals(4, file.unsigned3("DQ")[0][y][x], "JUMP_DET carried into the integration's DQ");
        }
    }

    @Test
    void slopeDqCarriesTheMaskAndJumpsAndDeadPixelsHaveNoSlope() throws Exception {
        try (ReadBack file = new ReadBack(rateints)) {
            long[][][] dq = file.unsigned3("DQ");
            float[][][] slopes = (float[][][]) file.kernel("SCI");
            int jumps = 0;
            for (int i = 0; i < 2; i++) {
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 72; x++) {
                        boolean jumped = false;
                        for (int g = 0; g < GROUPS; g++) {
                            jumped |= (groupDq[i][g][y][x] & 4) != 0;
                        }
                        jumps += jumped ? 1 : 0;
                        assertEquals(jumped, (dq[i][y][x] & 4) != 0, "JUMP_DET of any group, y " + y + " x " + x);
                        assertEquals(pixelDq[y][x], dq[i][y][x] & pixelDq[y][x], "the pixel's mask is kept");
                        boolean dead = (pixelDq[y][x] & 1) != 0;
                        assertEquals(dead, Float.isNaN(slopes[i][y][x]));
                        assertEquals(dead, (dq[i][y][x] & 1) != 0);
                    }
                }
            }
            assertTrue(jumps > 10, jumps + " integrations with a jump");
        }
    }

    /** A science pixel with no flag in either integration but MIRI's first and last DO_NOT_USE. */
    private static int[] cleanPixel() {
        for (int y = 0; y < 64; y++) {
            for (int x = 4; x < 72; x++) {
                if (pixelDq[y][x] == 0 && onlyEndsFlagged(0, y, x) && onlyEndsFlagged(1, y, x)) {
                    return new int[] {y, x};
                }
            }
        }
        throw new AssertionError("no clean pixel");
    }

    private static boolean onlyEndsFlagged(int i, int y, int x) {
        for (int g = 1; g < GROUPS - 1; g++) {
            if (groupDq[i][g][y][x] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A pixel with exactly one JUMP_DET in integration 0, at least 3 usable groups on each side, no saturation. */
    private static int[] jumpPixel() {
        for (int y = 0; y < 64; y++) {
            for (int x = 4; x < 72; x++) {
                int jump = -1;
                int flagged = 0;
                for (int g = 1; g < GROUPS - 1; g++) {
                    flagged += groupDq[0][g][y][x] != 0 ? 1 : 0;
                    jump = groupDq[0][g][y][x] == 4 ? g : jump;
                }
                if (pixelDq[y][x] == 0 && flagged == 1 && jump >= 4 && jump <= GROUPS - 4) {
                    return new int[] {y, x, jump};
                }
            }
        }
        throw new AssertionError("no pixel with one jump");
    }

    private static double leastSquares(float[][][] ramps, int first, int n, int y, int x) {
        double sumX = 0;
        double sumY = 0;
        double sumXY = 0;
        double sumXX = 0;
        for (int g = first; g < first + n; g++) {
            sumX += g;
            sumY += ramps[g][y][x];
            sumXY += g * (double) ramps[g][y][x];
            sumXX += (double) g * g;
        }
        return (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
    }
}
