package org.miri.pixeldb.fits.groundtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.fits.jwst.ExposureKeywords;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.testing.IndependentRead;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.model.Subarray;

class GroundTestConversionTest {

    @Test
    void theSharedJplFileConvertsToThePipeFileValueForValue() throws Exception {
        Path raw = SharedExposure.file(SharedExposure.JPL_RAW);
        Path pipe = SharedExposure.file(SharedExposure.PIPE);
        int[][][] frames = IndependentRead.primaryFrames(raw);
        assertEquals(250, frames.length);
        char[] flat = new char[250 * 80 * 72];
        for (int f = 0; f < 250; f++) {
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 72; x++) {
                    flat[(f * 80 + y) * 72 + x] = (char) frames[f][y][x];
                }
            }
        }

        GroundTestConversion.JwstFrames converted = GroundTestConversion.convert(flat, 250, 80, 72, 64);

        assertArrayEquals(flatten(IndependentRead.extension(pipe, "SCI")), converted.science());
        assertArrayEquals(flatten(IndependentRead.extension(pipe, "REFOUT")), converted.refout());
    }

    @Test
    void theSharedJplKeywordsConvertToThePipeFileKeywords() throws Exception {
        Path raw = SharedExposure.file(SharedExposure.JPL_RAW);
        Path pipe = SharedExposure.file(SharedExposure.PIPE);
        ExposureKeywords converted;
        try (Fits fits = new Fits(raw.toFile())) {
            HeaderValues primary = new HeaderValues(fits.getHDU(0).getHeader(), "the primary header");
            GroundTestFrames frames = GroundTestFrames.of(fits.getHDU(0), ProductLayout.JPL_RAW, primary);
            converted = GroundTestKeywords.read(primary, ProductLayout.JPL_RAW, frames);
        }
        try (Fits fits = new Fits(pipe.toFile())) {
            Header expected = fits.getHDU(0).getHeader();
            Subarray subarray = converted.subarray();
            assertEquals(expected.getStringValue(MiriKeyword.SUBARRAY), subarray.name());
            assertEquals(expected.getIntValue(MiriKeyword.SUBSTRT1), subarray.substrt1());
            assertEquals(expected.getIntValue(MiriKeyword.SUBSTRT2), subarray.substrt2());
            assertEquals(expected.getIntValue(MiriKeyword.SUBSIZE1), subarray.subsize1());
            assertEquals(expected.getIntValue(MiriKeyword.SUBSIZE2), subarray.subsize2());
            assertEquals(expected.getIntValue(MiriKeyword.NINTS), converted.nints());
            assertEquals(expected.getIntValue(MiriKeyword.NGROUPS), converted.ngroups());
            assertEquals(expected.getIntValue(MiriKeyword.NFRAMES), converted.nframes());
            assertEquals(expected.getStringValue(MiriKeyword.DETECTOR), converted.detector().name());
            assertEquals(expected.getIntValue(MiriKeyword.SCA_ID), converted.detector().scaId());
            assertEquals(expected.getStringValue(MiriKeyword.READPATT), converted.readpatt());
        }
        // The values the brief states, so that a change to both files could not go unnoticed.
        assertEquals(new Subarray("SUB64", 1, 779, 72, 64), converted.subarray());
        assertEquals("IC", converted.originDetector());
        assertEquals(20, converted.originScaId());
    }

    @Test
    void pieceJOfThePackedRunIsReferenceColumnJ() {
        // 4 science rows, 8 columns: the 1 reference row holds 2 pieces of 4 values.
        char[] packed = {10, 11, 12, 13, 20, 21, 22, 23};
        char[] refout = new char[8];
        GroundTestConversion.unpackReferenceOutput(packed, 0, 4, 2, refout, 0);
        assertArrayEquals(new char[] {10, 20, 11, 21, 12, 22, 13, 23}, refout);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "5, 1, 1", "6, 2, 5", "11, 3, 9", "513, 103, 409", "1285, 257, 1025", "1286, 258, 1029"})
    void correctsJplColstart(int colstart, int corrected, int substrt1) {
        assertEquals(corrected, GroundTestConversion.correctedColstart(colstart));
        assertEquals(substrt1, GroundTestConversion.substrt1(colstart));
    }

    @ParameterizedTest
    @CsvSource({"1032, 1280, 1, FULL", "512, 640, 51, BRIGHTSKY", "256, 320, 51, SUB256", "136, 160, 889, SUB128",
        "72, 80, 779, SUB64", "72, 520, 529, SLITLESSPRISM", "320, 380, 717, MASKLYOT", "288, 280, 19, MASK1065",
        "288, 280, 245, MASK1140", "288, 280, 467, MASK1550", "288, 280, 100, GENERIC", "100, 125, 1, GENERIC"})
    void namesTheSubarrayFromTheRawFrameSize(int cols, int rawRows, int substrt2, String name) {
        assertEquals(name, Subarray.groundTestName(cols, rawRows, substrt2));
    }

    private static char[] flatten(int[][][][] values) {
        int n = values.length * values[0].length * values[0][0].length * values[0][0][0].length;
        char[] flat = new char[n];
        int at = 0;
        for (int[][][] integration : values) {
            for (int[][] group : integration) {
                for (int[] row : group) {
                    for (int value : row) {
                        flat[at++] = (char) value;
                    }
                }
            }
        }
        return flat;
    }
}
