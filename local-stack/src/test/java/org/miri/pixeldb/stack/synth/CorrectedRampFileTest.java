package org.miri.pixeldb.stack.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import nom.tam.fits.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.model.DqFlags;
import org.miri.pixeldb.model.Subarray;

/**
 * X_ramp.fits of a SUB64 exposure (2 integrations of 25 groups: enough for bright pixels to
 * saturate) read back with nom-tam-fits and checked against its uncal file and the RampModel.
 */
class CorrectedRampFileTest {

    static final ExposureSpec SPEC = new ExposureSpec("RAMPTEST", Subarray.SUB64, 2, 25, "MIRIMAGE", 7);
    @TempDir
    static Path folder;
    static Path uncal;
    static Path ramp;

    @BeforeAll
    static void write() throws Exception {
        uncal = JwstRawLayout.write(SPEC, folder);
        ramp = CorrectedProducts.write(SPEC, folder, EnumSet.of(Product.RAMP), true, false).get(Product.RAMP);
    }

    @Test
    void extensionsHaveTheShapesAndTypesOfThePipelinesRampFile() throws Exception {
        assertEquals(folder.resolve("RAMPTEST_ramp.fits"), ramp);
        assertEquals(0, Files.size(ramp) % 2880);
        try (ReadBack file = new ReadBack(ramp)) {
            assertEquals(List.of("SCI", "PIXELDQ", "GROUPDQ", "ERR", "REFOUT"), file.extensions());
            assertImage(file.header("SCI"), -32, 72, 64, 25, 2);
            assertImage(file.header("PIXELDQ"), 32, 72, 64);
            assertEquals(2147483648L, file.header("PIXELDQ").getLongValue("BZERO"));
            assertEquals(1, file.header("PIXELDQ").getIntValue("BSCALE"));
            assertImage(file.header("GROUPDQ"), 8, 72, 64, 25, 2);
            assertFalse(file.header("GROUPDQ").containsKey("BZERO"));
            assertImage(file.header("ERR"), -32, 72, 64, 25, 2);
            assertImage(file.header("REFOUT"), -32, 18, 64, 25, 2);
        }
    }

    @Test
    void primaryHeaderRepeatsTheUncalsExposureKeywordsAndAddsProvenance() throws Exception {
        try (ReadBack raw = new ReadBack(uncal); ReadBack corrected = new ReadBack(ramp)) {
            for (String key : List.of("NINTS", "NGROUPS", "NFRAMES", "SUBARRAY", "SUBSTRT1", "SUBSTRT2", "SUBSIZE1",
                    "SUBSIZE2", "DETECTOR", "READPATT", "TFRAME", "TGROUP", "EXP_TYPE", "DATE-OBS", "SEED")) {
                assertEquals(value(raw.primary(), key), value(corrected.primary(), key), key);
            }
            Header primary = corrected.primary();
            assertEquals("1.14.0", primary.getStringValue("CAL_VER"));
            assertEquals("RELEASE", primary.getStringValue("CAL_VCS"));
            assertEquals("jwst_1241.pmap", primary.getStringValue("CRDS_CTX"));
            assertTrue(primary.containsKey("CRDS_VER"));
            for (String step : List.of("S_DQINIT", "S_SATURA", "S_JUMP", "S_LINEAR", "S_FRSTFR", "S_LASTFR")) {
                assertEquals("COMPLETE", primary.getStringValue(step), step);
            }
            for (String step : List.of("S_RSCD", "S_REFPIX", "S_DARK", "S_IPC")) {
                assertEquals("SKIPPED", primary.getStringValue(step), step);
            }
            assertFalse(primary.containsKey("S_RAMP"), "ramp fitting comes after the ramp file");
            assertEquals("crds://jwst_miri_mask_0023.fits", primary.getStringValue("R_MASK"));
            assertEquals("RampModel", primary.getStringValue("DATAMODL"));
        }
    }

    @Test
    void groupDqFlagsTheModelsJumpsAndSaturationAndMirisFirstAndLastGroups() throws Exception {
        byte[][][][] groupDq;
        try (ReadBack file = new ReadBack(ramp)) {
            groupDq = (byte[][][][]) file.kernel("GROUPDQ");
        }
        RampModel model = new RampModel(SPEC.seed());
        int[] raw = new int[25];
        boolean[] jumps = new boolean[25];
        int jumpFlags = 0;
        int saturatedFlags = 0;
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 72; x++) {
                    model.ramp(i + 1, 779 + y, 1 + x, x < 4, raw, jumps);
                    boolean saturated = false;
                    for (int g = 0; g < 25; g++) {
                        saturated |= raw[g] == 65_535;
                        int expected = (g == 0 || g == 24 ? 1 : 0) | (saturated ? 2 : 0)
                                | (jumps[g] && g > 0 && !saturated ? 4 : 0);
                        assertEquals(expected, groupDq[i][g][y][x], "integration " + i + " group " + g + " y " + y + " x " + x);
                        jumpFlags += (expected & 4) / 4;
                        saturatedFlags += (expected & 2) / 2;
                    }
                }
            }
        }
        assertTrue(jumpFlags > 10, "jumps flagged: " + jumpFlags);
        assertTrue(saturatedFlags > 10, "saturated groups flagged: " + saturatedFlags);
    }

    @Test
    void correctedRampIsTheUncalLessItsFirstReadLinearisedAndRefoutIsCopied() throws Exception {
        short[][][][] raw;
        short[][][][] rawRefout;
        try (ReadBack file = new ReadBack(uncal)) {
            raw = (short[][][][]) file.kernel("SCI");
            rawRefout = (short[][][][]) file.kernel("REFOUT");
        }
        try (ReadBack file = new ReadBack(ramp)) {
            float[][][][] sci = (float[][][][]) file.kernel("SCI");
            float[][][][] err = (float[][][][]) file.kernel("ERR");
            byte[][][][] groupDq = (byte[][][][]) file.kernel("GROUPDQ");
            float[][][][] refout = (float[][][][]) file.kernel("REFOUT");
            long[][] pixelDq = file.unsigned2("PIXELDQ");
            for (int i = 0; i < 2; i++) {
                for (int g = 0; g < 25; g++) {
                    for (int y = 0; y < 64; y++) {
                        for (int x = 0; x < 72; x++) {
                            if ((pixelDq[y][x] & 1) == 0) {
                                double d = raw[i][g][y][x] - raw[i][0][y][x];
                                double expected = (groupDq[i][g][y][x] & 2) != 0 ? d : d + 1e-6 * d * d;
                                assertEquals(expected, sci[i][g][y][x], 0.01 + 1e-6 * Math.abs(expected));
                                assertEquals(Math.sqrt(36 + Math.max(0, expected) / 5.5), err[i][g][y][x], 1e-3);
                            }
                        }
                        for (int x = 0; x < 18; x++) {
                            assertEquals(rawRefout[i][g][y][x] + 32768, refout[i][g][y][x]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pixelDqFlagsReferenceColumnsWithBit31AndDeadPixelsAreNaN() throws Exception {
        try (ReadBack file = new ReadBack(ramp)) {
            long[][] pixelDq = file.unsigned2("PIXELDQ");
            float[][][][] sci = (float[][][][]) file.kernel("SCI");
            float[][][][] err = (float[][][][]) file.kernel("ERR");
            assertEquals(2147483648L, pixelDq[0][0] & 2147483648L, "REFERENCE_PIXEL read back as bit 31");
            int hot = 0;
            int dead = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 72; x++) {
                    assertEquals(x < 4 ? 2147483648L + 512 : 0, pixelDq[y][x] & (2147483648L + 512), "y " + y + " x " + x);
                    hot += pixelDq[y][x] == 2048 ? 1 : 0;
                    dead += pixelDq[y][x] == 1024 + 1 ? 1 : 0;
                    boolean doNotUse = (pixelDq[y][x] & 1) != 0;
                    for (int i = 0; i < 2; i++) {
                        for (int g = 0; g < 25; g++) {
                            assertEquals(doNotUse, Float.isNaN(sci[i][g][y][x]), "SCI NaN exactly where DO_NOT_USE");
                            assertEquals(doNotUse, Float.isNaN(err[i][g][y][x]), "ERR NaN exactly where DO_NOT_USE");
                        }
                    }
                }
            }
            assertTrue(hot > 0 && dead > 0, hot + " hot and " + dead + " dead pixels");
        }
    }

    static String value(Header header, String key) {
        assertTrue(header.containsKey(key), key + " missing");
        return header.findCard(key).getValue();
    }

    static void assertImage(Header header, int bitpix, int... axesFastestFirst) {
        assertEquals(bitpix, header.getIntValue("BITPIX"));
        assertEquals(axesFastestFirst.length, header.getIntValue("NAXIS"));
        for (int i = 0; i < axesFastestFirst.length; i++) {
            assertEquals(axesFastestFirst[i], header.getIntValue("NAXIS" + (i + 1)), "NAXIS" + (i + 1));
        }
    }
}
