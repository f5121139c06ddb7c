package org.miri.pixeldb.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.fits.jwst.MiriKeyword;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.fits.testing.FileEdits;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.schemas.ProductKind;

/** Corrected and slope products whose arrays contradict their keywords, each rejected with a reason that says why. */
class CorrectedRejectionTest {

    private static final String RAMP_ARRAYS = "a RAMP product has SCI, GROUPDQ and PIXELDQ (ERR and REFOUT optional)";

    @TempDir
    Path folder;

    private String reason(SyntheticCorrectedProduct product) throws Exception {
        return reason(product.write(folder, "synthetic_" + product.product.name().toLowerCase() + ".fits"));
    }

    private static String reason(Path file) {
        return assertThrows(RejectedProductException.class,
                () -> ProductReader.open(file, file.getFileName().toString()).close()).reason();
    }

    private static SyntheticCorrectedProduct ramp() {
        return new SyntheticCorrectedProduct(ProductKind.RAMP);
    }

    @Test
    void groupdqWithTheWrongGroupCount() throws Exception {
        SyntheticCorrectedProduct product = ramp();
        product.groupdqGroups = 2;
        assertEquals("GROUPDQ has 2 groups (NAXIS3) but NGROUPS is 3", reason(product));
    }

    @Test
    void sciContradictingTheKeywords() throws Exception {
        assertEquals("SCI has 3 groups (NAXIS3) but NGROUPS is 4", reason(ramp().with(MiriKeyword.NGROUPS, 4)));
        assertEquals("SCI has 2 integrations (NAXIS4) but NINTS is 3", reason(ramp().with(MiriKeyword.NINTS, 3)));
        assertEquals("SCI has 16 columns (NAXIS1) but SUBSIZE1 is 12", reason(ramp().with(MiriKeyword.SUBSIZE1, 12)));
        assertEquals("SCI has 6 rows (NAXIS2) but SUBSIZE2 is 5", reason(ramp().with(MiriKeyword.SUBSIZE2, 5)));
    }

    @Test
    void groupdqOfTheWrongType() throws Exception {
        SyntheticCorrectedProduct product = ramp();
        product.groupdqAsShort = true;
        assertEquals("GROUPDQ has BITPIX 16 but uint8 flags need BITPIX 8", reason(product));
    }

    @Test
    void missingGroupdqOrPixeldq() throws Exception {
        assertEquals("the GROUPDQ extension is missing: " + RAMP_ARRAYS, reason(ramp().without(ExtensionName.GROUPDQ)));
        assertEquals("the PIXELDQ extension is missing: " + RAMP_ARRAYS, reason(ramp().without(ExtensionName.PIXELDQ)));
    }

    @Test
    void rateintsWithoutVarRnoise() throws Exception {
        assertEquals("the VAR_RNOISE extension is missing: a RATEINTS product has SCI, ERR, DQ, VAR_POISSON and "
                + "VAR_RNOISE", reason(new SyntheticCorrectedProduct(ProductKind.RATEINTS)
                        .without(ExtensionName.VAR_RNOISE)));
    }

    @Test
    void rateintsContradictingNints() throws Exception {
        assertEquals("SCI has 2 integrations (NAXIS3) but NINTS is 3",
                reason(new SyntheticCorrectedProduct(ProductKind.RATEINTS).with(MiriKeyword.NINTS, 3)));
    }

    @Test
    void theSharedRampProductWithAWrongGroupCount() throws Exception {
        Path copy = FileEdits.copy(SharedExposure.file(SharedExposure.PIPE_RAMP), folder, SharedExposure.PIPE_RAMP);
        FileEdits.replaceValue(copy, "NGROUPS", "49");
        assertEquals("SCI has 50 groups (NAXIS3) but NGROUPS is 49", reason(copy));
    }

    @Test
    void theSharedRampProductWithPixeldqStoredSigned() throws Exception {
        // The first BZERO card of the file is PIXELDQ's: without it, bit 31 would read as a negative number.
        Path copy = FileEdits.copy(SharedExposure.file(SharedExposure.PIPE_RAMP), folder, SharedExposure.PIPE_RAMP);
        FileEdits.replaceValue(copy, "BZERO", "0");
        assertEquals("PIXELDQ has BZERO 0 but uint32 flags need BZERO 2147483648", reason(copy));
    }
}
