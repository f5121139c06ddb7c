package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.health.SharedExposure;
import org.miri.pixeldb.health.slope.QuickLookIntegration;
import org.miri.pixeldb.health.slope.SlopePlane;

/**
 * The rules on the real JPL8 SUB64 exposure, production against {@link IndependentRules}: on its quick-look slopes,
 * and on the pipeline's RATEINTS slopes (with its REFERENCE_PIXEL and DO_NOT_USE DQ) plus the JUMP_DET counts of
 * its RAMP product's GROUPDQ.
 */
class SharedExposureHealthTest {

    private static final DetectorGrid SUB64 = DetectorGrid.fromSubarray(1, 779, 72, 64);

    private static void assertSameAsIndependent(List<float[]> slopes, List<int[]> dq, float[] jumps) {
        List<IntegrationSlopes> integrations = new ArrayList<>();
        for (int i = 0; i < slopes.size(); i++) {
            integrations.add(new IntegrationSlopes(slopes.get(i), dq.get(i)));
        }
        ExposureSlopes exposure = jumps == null ? ExposureSlopes.of(SUB64, integrations)
                : ExposureSlopes.withJumps(SUB64, integrations, jumps);
        ExposureHealth health = new HealthEvaluator(HealthThresholds.DEFAULTS).evaluate(exposure);
        IndependentRules.Result expected = IndependentRules.apply(1, 72, slopes, dq, jumps);
        Map<Integer, Set<PixelState>> actual = new HashMap<>();
        health.flagged().forEach(pixel -> actual.put((pixel.row() - 779) * 72 + pixel.col() - 1,
                EnumSet.copyOf(pixel.states())));
        assertEquals(expected.states(), actual);
        for (AmplifierIntegration row : health.amplifierIntegrations()) {
            double[] m = expected.amplifiers().get(row.integration() + "/" + row.amplifier());
            assertEquals(m[0], row.median(), 1e-9 * Math.abs(m[0]));
            assertEquals(m[1], row.std(), 1e-9 * Math.abs(m[1]));
        }
    }

    @Test
    void quickLookSlopesOfTheRawRamps() throws Exception {
        short[][][][] sci;
        double tgroup;
        try (Fits fits = new Fits(SharedExposure.file(SharedExposure.PIPE).toFile())) {
            tgroup = fits.getHDU(0).getHeader().getDoubleValue("TGROUP");
            sci = (short[][][][]) fits.getHDU("SCI").getKernel();
        }
        QuickLookIntegration quickLook = new QuickLookIntegration(50, 64, 72, tgroup);
        List<float[]> slopes = new ArrayList<>();
        List<int[]> dq = new ArrayList<>();
        for (short[][][] integration : sci) {
            char[] cube = new char[50 * 64 * 72];
            for (int g = 0; g < 50; g++) {
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 72; x++) {
                        cube[(g * 64 + y) * 72 + x] = (char) (integration[g][y][x] + 32768);
                    }
                }
            }
            SlopePlane plane = quickLook.fit(cube);
            slopes.add(plane.slopes());
            dq.add(plane.dq());
        }
        assertSameAsIndependent(slopes, dq, null);
    }

    @Test
    void pipelineSlopesAndJumpCounts() throws Exception {
        Path rateints = SharedExposure.file("MIRI_5582_89_S_20180308-010230_SCE1_pipe_rateints.fits");
        Path ramp = SharedExposure.file("MIRI_5582_89_S_20180308-010230_SCE1_pipe_ramp.fits");
        List<float[]> slopes = new ArrayList<>();
        List<int[]> dq = new ArrayList<>();
        try (Fits fits = new Fits(rateints.toFile())) {
            float[][][] sci = (float[][][]) fits.getHDU("SCI").getKernel();
            int[][][] stored = (int[][][]) fits.getHDU("DQ").getKernel(); // uint32 as int32 + BZERO 2^31
            for (int i = 0; i < sci.length; i++) {
                float[] s = new float[64 * 72];
                int[] d = new int[64 * 72];
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 72; x++) {
                        s[y * 72 + x] = sci[i][y][x];
                        d[y * 72 + x] = (int) (stored[i][y][x] + 2_147_483_648L); // the uint32's bits
                    }
                }
                slopes.add(s);
                dq.add(d);
            }
        }
        List<byte[]> groupDq = new ArrayList<>();
        try (Fits fits = new Fits(ramp.toFile())) {
            byte[][][][] stored = (byte[][][][]) fits.getHDU("GROUPDQ").getKernel();
            for (byte[][][] integration : stored) {
                byte[] cube = new byte[50 * 64 * 72];
                for (int g = 0; g < 50; g++) {
                    for (int y = 0; y < 64; y++) {
                        System.arraycopy(integration[g][y], 0, cube, (g * 64 + y) * 72, 72);
                    }
                }
                groupDq.add(cube);
            }
        }
        assertSameAsIndependent(slopes, dq, JumpCounts.meanPerIntegration(groupDq, 50, 64 * 72));
    }
}
