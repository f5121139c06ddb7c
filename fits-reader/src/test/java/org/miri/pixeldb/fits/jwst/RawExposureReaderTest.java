package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.testing.IndependentRead;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticExposure;

class RawExposureReaderTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSharedPipeFileIntegrationByIntegration() throws Exception {
        Path pipe = SharedExposure.file(SharedExposure.PIPE);
        int[][][][] sci = IndependentRead.extension(pipe, "SCI");
        int[][][][] ref = IndependentRead.extension(pipe, "REFOUT");
        try (ProductFile product = ProductReader.open(pipe, "jpl8/" + SharedExposure.PIPE)) {
            List<RawIntegration> integrations = product.raw().integrations();
            assertEquals(5, integrations.size());
            for (RawIntegration integration : integrations) {
                char[] science = integration.science();
                int[][][] expected = sci[integration.number() - 1];
                // Full-frame row 779, column 1 is array [y=0][x=0]: its 50-sample ramp.
                int[] firstRamp = new int[50];
                int[] expectedRamp = new int[50];
                for (int g = 0; g < 50; g++) {
                    firstRamp[g] = science[g * 64 * 72];
                    expectedRamp[g] = expected[g][0][0];
                }
                assertArrayEquals(expectedRamp, firstRamp, "integration " + integration.number());
                assertPlane(expected, science, 72);
                assertPlane(ref[integration.number() - 1], integration.refout(), 18);
            }
        }
    }

    @Test
    void theJplRawFileReadsExactlyAsThePipeFile() throws Exception {
        Path raw = SharedExposure.file(SharedExposure.JPL_RAW);
        Path pipe = SharedExposure.file(SharedExposure.PIPE);
        try (ProductFile jpl = ProductReader.open(raw, SharedExposure.JPL_RAW);
                ProductFile jwst = ProductReader.open(pipe, SharedExposure.PIPE)) {
            assertEquals(jwst.raw().geometry(), jpl.raw().geometry());
            for (int i = 1; i <= 5; i++) {
                RawIntegration fromJpl = jpl.raw().integration(i);
                RawIntegration fromJwst = jwst.raw().integration(i);
                assertArrayEquals(fromJwst.science(), fromJpl.science());
                assertArrayEquals(fromJwst.refout(), fromJpl.refout());
                assertArrayEquals(fromJwst.science(5, 7, 3, 11), fromJpl.science(5, 7, 3, 11));
                assertArrayEquals(fromJwst.refout(9, 30, 2, 5), fromJpl.refout(9, 30, 2, 5));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticExposure.Layout.class)
    void readsEverySyntheticLayoutSampleForSample(SyntheticExposure.Layout layout) throws Exception {
        SyntheticExposure exposure = new SyntheticExposure(layout);
        Path file = exposure.write(folder, "synthetic_uncal.fits");
        try (ProductFile product = ProductReader.open(file, "synthetic_uncal.fits")) {
            RawExposureReader reader = product.raw();
            assertEquals(2, reader.integrations().size());
            for (RawIntegration integration : reader.integrations()) {
                int i = integration.number();
                char[] science = integration.science(2, 5, 7, 60);
                char[] refout = integration.refout(1, 6, 3, 14);
                for (int g = 0; g < 3; g++) {
                    for (int y = 0; y < 5; y++) {
                        for (int x = 0; x < 60; x++) {
                            assertEquals(SyntheticExposure.science(i, g, y + 2, x + 7), science[(g * 5 + y) * 60 + x]);
                        }
                    }
                    for (int y = 0; y < 6; y++) {
                        for (int j = 0; j < 14; j++) {
                            assertEquals(SyntheticExposure.refout(i, g, y + 1, j + 3), refout[(g * 6 + y) * 14 + j]);
                        }
                    }
                }
            }
        }
    }

    private static void assertPlane(int[][][] expected, char[] actual, int cols) {
        int rows = expected[0].length;
        for (int g = 0; g < expected.length; g++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    assertEquals(expected[g][y][x], actual[(g * rows + y) * cols + x],
                            "group " + g + " [" + y + "][" + x + "]");
                }
            }
        }
    }
}
