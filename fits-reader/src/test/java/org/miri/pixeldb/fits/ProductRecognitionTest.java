package org.miri.pixeldb.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.fits.jwst.ExposureDescriptor;
import org.miri.pixeldb.fits.jwst.ExposureKeywords;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticExposure;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;

/** Products are told apart by header content; the file name is only used for the exposure name. */
class ProductRecognitionTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"'', JPL_RAW, RAW, JPL", "_pipe, JWST_RAW, RAW, JPL", "_pipe_ramp, JWST_RAMP, RAMP, JPL",
        "_pipe_rateints, JWST_RATEINTS, RATEINTS, JPL"})
    void recognisesEachSharedProduct(String suffix, ProductLayout layout, ProductKind kind, Origin origin)
            throws Exception {
        String fileName = SharedExposure.NAME + suffix + ".fits";
        try (ProductFile product = ProductReader.open(SharedExposure.file(fileName), "jpl8/" + fileName)) {
            ExposureDescriptor descriptor = product.descriptor();
            assertEquals(layout, descriptor.layout());
            assertEquals(kind, descriptor.product());
            assertEquals(origin, descriptor.origin());
            assertEquals(SharedExposure.NAME, descriptor.name());
            assertEquals(kind == ProductKind.RAW, product.isRaw());
        }
    }

    @Test
    void eachProductOffersTheReaderOfItsKindOnly() throws Exception {
        try (ProductFile ramp = ProductReader.open(SharedExposure.file(SharedExposure.PIPE_RAMP),
                SharedExposure.PIPE_RAMP);
                ProductFile rateints = ProductReader.open(SharedExposure.file(SharedExposure.PIPE_RATEINTS),
                        SharedExposure.PIPE_RATEINTS);
                ProductFile raw = ProductReader.open(SharedExposure.file(SharedExposure.PIPE), SharedExposure.PIPE)) {
            assertFalse(ramp.isRaw());
            assertEquals(5, ramp.corrected().geometry().ramps().nints());
            assertEquals("this is a RAMP product: raw() reads RAW products only",
                    assertThrows(IllegalStateException.class, ramp::raw).getMessage());
            assertEquals("this is a RAMP product: slopes() reads RATEINTS and RATE products only",
                    assertThrows(IllegalStateException.class, ramp::slopes).getMessage());
            assertEquals(5, rateints.slopes().geometry().planes());
            assertEquals("this is a RATEINTS product: corrected() reads RAMP products only",
                    assertThrows(IllegalStateException.class, rateints::corrected).getMessage());
            assertEquals("this is a RAW product: corrected() reads RAMP products only",
                    assertThrows(IllegalStateException.class, raw::corrected).getMessage());
        }
    }

    @Test
    void recognisesSyntheticLayoutsWhateverTheirFileName() throws Exception {
        try (ProductFile jwst = open(SyntheticExposure.Layout.JWST);
                ProductFile jpl = open(SyntheticExposure.Layout.JPL);
                ProductFile otis = open(SyntheticExposure.Layout.OTIS)) {
            assertEquals(ProductLayout.JWST_RAW, jwst.descriptor().layout());
            assertEquals(Origin.FLIGHT, jwst.descriptor().origin());
            assertEquals(ProductLayout.JPL_RAW, jpl.descriptor().layout());
            assertEquals(Origin.JPL, jpl.descriptor().origin());
            assertEquals(ProductLayout.OTIS_RAW, otis.descriptor().layout());
            assertEquals(Origin.OTIS, otis.descriptor().origin());
            assertTrue(jwst.isRaw() && jpl.isRaw() && otis.isRaw());
        }
    }

    @Test
    void convertsOtisKeywords() throws Exception {
        try (ProductFile otis = open(SyntheticExposure.Layout.OTIS)) {
            ExposureKeywords keywords = otis.descriptor().keywords();
            assertEquals(Subarray.generic(413, 51, 72, 8), keywords.subarray());
            assertEquals(Detector.MIRIFULONG, keywords.detector());
            assertEquals("SLOW", keywords.readpatt());
            assertEquals(null, keywords.originDetector());
        }
    }

    private ProductFile open(SyntheticExposure.Layout layout) throws Exception {
        // Named like a slope product on purpose: the content decides.
        Path file = new SyntheticExposure(layout).write(folder, layout + "_rate.fits");
        return ProductReader.open(file, "drop/" + layout + "_rate.fits");
    }
}
