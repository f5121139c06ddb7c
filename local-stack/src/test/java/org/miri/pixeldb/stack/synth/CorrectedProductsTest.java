package org.miri.pixeldb.stack.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.model.Subarray;

/** The choices around the corrected products: which files, ERR or not, tiny windows, JPL origin, determinism. */
class CorrectedProductsTest {

    static final EnumSet<Product> CORRECTED = EnumSet.of(Product.RAMP, Product.RATEINTS, Product.RATE);
    static final ExposureSpec SUB64 = new ExposureSpec("S", Subarray.SUB64, 2, 6, "MIRIMAGE", 3);
    static final ExposureSpec GENERIC = new ExposureSpec("G", SyntheticSubarrays.GENERIC, 1, 3, "MIRIMAGE", 3);

    @TempDir
    Path folder;

    @Test
    void withoutErrTheRampFileHasNoErrExtensionAndIsSmallerByIt() throws Exception {
        Path withErr = CorrectedProducts.write(SUB64, Files.createDirectory(folder.resolve("err")),
                EnumSet.of(Product.RAMP), true, false).get(Product.RAMP);
        Path without = CorrectedProducts.write(SUB64, folder, EnumSet.of(Product.RAMP), false, false).get(Product.RAMP);
        try (ReadBack file = new ReadBack(without)) {
            assertEquals(List.of("SCI", "PIXELDQ", "GROUPDQ", "REFOUT"), file.extensions());
        }
        long data = 4L * 72 * 64 * 6 * 2;
        long errHdu = 2880 + (data + 2879) / 2880 * 2880; // one header block, the float32 data padded to its block
        assertEquals(Files.size(withErr) - errHdu, Files.size(without));
    }

    @Test
    void aTinyGenericExposureOfOneIntegrationGetsRampAndRateButNoRateints() throws Exception {
        Map<Product, Path> files = CorrectedProducts.write(GENERIC, folder, CORRECTED, true, false);
        assertEquals(Map.of(Product.RAMP, folder.resolve("G_ramp.fits"), Product.RATE, folder.resolve("G_rate.fits")), files);
        try (ReadBack ramp = new ReadBack(files.get(Product.RAMP)); ReadBack rate = new ReadBack(files.get(Product.RATE))) {
            assertEquals("SKIPPED", ramp.primary().getStringValue("S_FRSTFR"), "NGROUPS = 3: the first group is kept");
            assertEquals("COMPLETE", ramp.primary().getStringValue("S_LASTFR"));
            assertEquals(1021, ramp.primary().getIntValue("SUBSTRT1"));
            assertEquals("GENERIC", ramp.primary().getStringValue("SUBARRAY"));
            byte[][][][] groupDq = (byte[][][][]) ramp.kernel("GROUPDQ");
            long[][] pixelDq = ramp.unsigned2("PIXELDQ");
            float[][][][] sci = (float[][][][]) ramp.kernel("SCI");
            float[][] slopes = (float[][]) rate.kernel("SCI");
            double tgroup = ramp.primary().getDoubleValue("TGROUP");
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 12; x++) {
                    // Columns 1029-1032 of the full frame are x = 8..11 here.
                    assertEquals(x >= 8, (pixelDq[y][x] & 2147483648L) != 0, "REFERENCE_PIXEL at x " + x);
                    assertEquals(0, groupDq[0][0][y][x] & 1);
                    assertEquals(1, groupDq[0][2][y][x] & 1);
                    if (pixelDq[y][x] == 0 && groupDq[0][1][y][x] == 0) {
                        double expected = (sci[0][1][y][x] - sci[0][0][y][x]) / tgroup;
                        assertEquals(expected, slopes[y][x], 1e-4 * Math.abs(expected) + 1e-3, "two usable groups");
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesWhateverTheStripHeight() throws Exception {
        Path first = Files.createDirectory(folder.resolve("first"));
        Path second = Files.createDirectory(folder.resolve("second"));
        Path strips = Files.createDirectory(folder.resolve("strips"));
        Path otherSeed = Files.createDirectory(folder.resolve("other"));
        List<Path> a = all(SUB64, first);
        List<Path> b = all(SUB64, second);
        // 5-row strips: 64 rows end in a partial strip, and every slice lands at a non-zero row offset.
        List<Path> c = List.copyOf(CorrectedProducts.write(SUB64, strips, CORRECTED, true, false, 5).values());
        List<Path> d = all(new ExposureSpec("S", Subarray.SUB64, 2, 6, "MIRIMAGE", 4), otherSeed);
        assertEquals(4, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(-1, Files.mismatch(a.get(i), b.get(i)), a.get(i).getFileName() + " differs between runs");
            assertNotEquals(-1, Files.mismatch(a.get(i), d.get(i)), "another seed, other ramps");
        }
        for (int i = 0; i < c.size(); i++) {
            assertEquals(-1, Files.mismatch(a.get(i + 1), c.get(i)), c.get(i).getFileName() + " depends on the strips");
        }
    }

    @Test
    void productsOfAJplExposureSayJplAndNameTheDetectorTheSplitterLoadsItAs() throws Exception {
        ExposureSpec spec = new ExposureSpec("J", Subarray.SUB64, 2, 6, "MIRIFULONG", 3);
        for (Path file : CorrectedProducts.write(spec, folder, CORRECTED, true, true).values()) {
            try (ReadBack product = new ReadBack(file)) {
                assertEquals("JPL", product.primary().getStringValue("ORIGIN"));
                assertEquals("MIRIMAGE", product.primary().getStringValue("DETECTOR"));
                assertEquals("IC", product.primary().getStringValue("DET_JPL"));
            }
        }
        assertTrue(Files.list(folder).noneMatch(f -> f.toString().endsWith(".part")), "no partial file left");
    }

    private static List<Path> all(ExposureSpec spec, Path folder) throws Exception {
        List<Path> files = new java.util.ArrayList<>(List.of(JwstRawLayout.write(spec, folder)));
        files.addAll(CorrectedProducts.write(spec, folder, CORRECTED, true, false).values());
        return files;
    }
}
