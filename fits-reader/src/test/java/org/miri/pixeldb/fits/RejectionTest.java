package org.miri.pixeldb.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nom.tam.fits.Fits;
import nom.tam.fits.NullDataHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.fits.jwst.ExposureTiming;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.jwst.RawIntegration;
import org.miri.pixeldb.fits.structure.FitsStructure;
import org.miri.pixeldb.fits.structure.HduExtent;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.fits.testing.FileEdits;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticExposure.Layout;
import org.miri.pixeldb.fits.testing.SyntheticExposure;

/** Every way a dropped object can be unfit, each with the reason a person needs to fix it. */
class RejectionTest {

    @TempDir
    Path folder;

    private String reason(Path file) {
        return assertThrows(RejectedProductException.class,
                () -> ProductReader.open(file, file.getFileName().toString()).close()).reason();
    }

    private Path synthetic(SyntheticExposure exposure) throws Exception {
        return exposure.write(folder, "synthetic_uncal.fits");
    }

    @Test
    void notFits() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.fits"), "A text file that only looks like a product.");
        assertEquals("not a FITS file: the first 80 bytes do not start with SIMPLE  =", reason(file));
    }

    @Test
    void emptyFile() throws Exception {
        assertEquals("empty file: the object holds 0 bytes", reason(Files.createFile(folder.resolve("empty.fits"))));
    }

    @Test
    void gzipCompressed() throws Exception {
        Path plain = synthetic(new SyntheticExposure(Layout.JWST));
        Path gz = FileEdits.gzip(plain, folder.resolve("compressed_uncal.fits"));
        assertEquals("gzip-compressed: the object starts with the gzip magic bytes 1f 8b; upload the uncompressed "
                + "FITS file", reason(gz));
    }

    @Test
    void truncatedHeaders() throws Exception {
        Path primaryCut = FileEdits.truncate(synthetic(new SyntheticExposure(Layout.JWST)), 1000);
        assertEquals("truncated header: the primary header has no END card within the object's 1,000 bytes",
                reason(primaryCut));

        Path file = synthetic(new SyntheticExposure(Layout.JWST));
        HduExtent sci = FitsStructure.scan(file).get(1);
        FileEdits.truncate(file, sci.headerOffset() + 500);
        assertEquals("truncated header: the header of HDU 2 has no END card within the object's "
                + RejectedProductException.count(sci.headerOffset() + 500) + " bytes", reason(file));
    }

    @Test
    void truncatedData() throws Exception {
        Path file = synthetic(new SyntheticExposure(Layout.JWST));
        HduExtent sci = FitsStructure.scan(file).get(1);
        FileEdits.truncate(file, sci.dataOffset() + 1000);
        assertEquals("truncated, or a wrong BITPIX or NAXISn: the SCI header (BITPIX 16, NAXISn 72 x 8 x 3 x 2) "
                + "promises 6,912 data bytes, the object holds 1,000", reason(file));
    }

    @Test
    void absurdDeclaredSizesAreRejectedFromTheHeader() throws Exception {
        Path copy = FileEdits.copy(SharedExposure.file(SharedExposure.JPL_RAW), folder, SharedExposure.JPL_RAW);
        FileEdits.replaceValue(copy, "NAXIS1", "4000000");
        FileEdits.replaceValue(copy, "NAXIS2", "4000000");
        assertEquals("absurd size: the primary header (BITPIX 16, NAXISn 4000000 x 4000000 x 250) promises "
                + "8,000,000,000,000,000 data bytes, more than the 68,719,476,736 any MIRI product could need; the object "
                + "holds 2,885,760", reason(copy));
    }

    @Test
    void duplicateExtensionNames() throws Exception {
        Path file = synthetic(new SyntheticExposure(Layout.JWST));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int refout = text.indexOf("EXTNAME = 'REFOUT  '");
        System.arraycopy("EXTNAME = 'SCI     '".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, refout, 20);
        Files.write(file, bytes);
        assertEquals("duplicate EXTNAME SCI: HDUs 2 and 3 both claim it", reason(file));
    }

    @Test
    void truncatedRealJplFile() throws Exception {
        Path copy = FileEdits.copy(SharedExposure.file(SharedExposure.JPL_RAW), folder, SharedExposure.JPL_RAW);
        FileEdits.truncate(copy, 5760 + 1000);
        assertEquals("truncated, or a wrong BITPIX or NAXISn: the primary header (BITPIX 16, NAXISn 72 x 80 x 250) "
                + "promises 2,880,000 data bytes, the object holds 1,000",
                reason(copy));
    }

    @Test
    void wrongBitpix() throws Exception {
        SyntheticExposure jwst = new SyntheticExposure(Layout.JWST);
        jwst.intSamples = true;
        assertEquals("SCI BITPIX 32 where a raw MIRI product has 16", reason(synthetic(jwst)));
        SyntheticExposure jpl = new SyntheticExposure(Layout.JPL);
        jpl.intSamples = true;
        assertEquals("primary BITPIX 32 where a raw MIRI product has 16", reason(synthetic(jpl)));
    }

    @Test
    void axesInconsistentWithTheKeywords() throws Exception {
        assertEquals("SCI NAXIS4 = 2 integrations is not NINTS 3",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.NINTS, 3))));
        assertEquals("SCI NAXIS3 = 3 groups is not NGROUPS 4",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.NGROUPS, 4))));
        assertEquals("SCI NAXIS1 = 72 columns is not SUBSIZE1 68",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.SUBSIZE1, 68))));
        assertEquals("NAXIS3 = 6 frames is not NINTS 3 x NGROUPS 3",
                reason(synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_NINT, 3))));
    }

    @Test
    void realJplFileWithAWrongGroupCount() throws Exception {
        Path copy = FileEdits.copy(SharedExposure.file(SharedExposure.JPL_RAW), folder, SharedExposure.JPL_RAW);
        FileEdits.replaceValue(copy, "NGROUPS", "49");
        assertEquals("NAXIS3 = 250 frames is not NINTS 5 x NGROUPS 49", reason(copy));
    }

    @Test
    void jplFrameCountNotAMultipleOfNgroups() throws Exception {
        SyntheticExposure jpl = new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_NINT, null)
                .with(MiriKeyword.NGROUPS, 4);
        assertEquals("NAXIS3 = 6 frames is not a multiple of NGROUPS 4", reason(synthetic(jpl)));
    }

    @Test
    void notMiri() throws Exception {
        assertEquals("INSTRUME is NIRCAM, not MIRI",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.INSTRUME, "NIRCAM"))));
        assertEquals("INSTRUME is missing, not MIRI",
                reason(synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.INSTRUME, null))));
    }

    @Test
    void unknownOrInconsistentDetector() throws Exception {
        assertEquals("DETECTOR NRCA1 is not a MIRI detector (MIRIMAGE 493, MIRIFULONG 494, MIRIFUSHORT 495)",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.DETECTOR, "NRCA1"))));
        assertEquals("SCA_ID 493 does not belong to DETECTOR MIRIFUSHORT (495)",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.SCA_ID, 493))));
    }

    @Test
    void subarrayOffTheDetector() throws Exception {
        assertEquals("subarray columns 1000..1071 run off the 1032-column detector",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.SUBSTRT1, 1000))));
        assertEquals("subarray rows 1020..1027 run off the 1024-row detector",
                reason(synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_ROWSTART, 1020))));
    }

    @Test
    void zeroOrAbsurdCounts() throws Exception {
        assertEquals("NINTS 0 is below 1",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.NINTS, 0))));
        assertEquals("NINT 0 is below 1",
                reason(synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_NINT, 0))));
        assertEquals("NGROUPS 100,000 is absurd: more than 65,535",
                reason(synthetic(new SyntheticExposure(Layout.JWST).with(MiriKeyword.NGROUPS, 100_000))));
    }

    @Test
    void noRampsAtAll() throws Exception {
        Path file = folder.resolve("header_only.fits");
        try (Fits fits = new Fits()) {
            NullDataHDU primary = new NullDataHDU();
            primary.addValue(MiriKeyword.INSTRUME, "MIRI");
            fits.addHDU(primary);
            fits.write(file.toFile());
        }
        assertEquals("not a MIRI product: no SCI extension, and the primary HDU holds no ground-test frames "
                + "(NAXIS = 0)", reason(file));
    }

    @Test
    void placeholderDatesAreAcceptedAsUnknown() throws Exception {
        Path file = synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_DATE_OBS, "yyyy-mm-dd"));
        try (ProductFile product = ProductReader.open(file, "placeholder.fits")) {
            ExposureTiming timing = product.descriptor().timing();
            assertNull(timing.dateObs());
            assertNull(timing.dateEnd());
            assertEquals(List.of(1, 2), product.raw().integrations().stream().map(RawIntegration::number).toList());
        }
    }

    /** Issue 13: a value of the wrong type is named, never coerced (a quoted '5' was read as 5, 20.0 as 20). */
    @Test
    void keywordsOfTheWrongTypeAreRejectedByName() throws Exception {
        Path quoted = FileEdits.replaceValue(synthetic(new SyntheticExposure(Layout.JWST)), "NINTS", "'2'");
        assertEquals("NINTS = '2' in the primary header is a string where a number is expected", reason(quoted));
        Path real = FileEdits.replaceValue(synthetic(new SyntheticExposure(Layout.JWST)), "NGROUPS", "3.0");
        assertEquals("NGROUPS = 3.0 in the primary header is a real number where an integer is expected", reason(real));
        Path logical = FileEdits.replaceValue(synthetic(new SyntheticExposure(Layout.JWST)), "NFRAMES", "T");
        assertEquals("NFRAMES = T in the primary header is not a number", reason(logical));
        Path infinite = FileEdits.replaceValue(synthetic(new SyntheticExposure(Layout.JWST)), "TGROUP", "1E999");
        assertEquals("TGROUP = 1E999 in the primary header is beyond the range of a double", reason(infinite));
    }

    @Test
    void implausibleYearsAreStoredAsUnknown() throws Exception {
        Path file = synthetic(new SyntheticExposure(Layout.JPL).with(MiriKeyword.JPL_DATE_OBS, "+999999999-12-31"));
        try (ProductFile product = ProductReader.open(file, "far_future.fits")) {
            assertNull(product.descriptor().timing().dateObs());
        }
    }
}
