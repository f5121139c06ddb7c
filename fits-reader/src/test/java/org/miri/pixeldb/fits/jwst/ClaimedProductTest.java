package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.schemas.ProductKind;

class ClaimedProductTest {

    @Test
    void theNameClaimsExposureAndProduct() {
        assertEquals(Optional.of(new ClaimedProduct("X", ProductKind.RAW)), ClaimedProduct.of("jpl8/X.fits"));
        assertEquals(Optional.of(new ClaimedProduct("X", ProductKind.RAW)), ClaimedProduct.of("X_uncal.fits"));
        assertEquals(Optional.of(new ClaimedProduct("X", ProductKind.RAMP)), ClaimedProduct.of("X_pipe_ramp.fits"));
        assertEquals(Optional.of(new ClaimedProduct("X", ProductKind.RATEINTS)), ClaimedProduct.of("a/X_rateints.fits"));
        assertEquals(Optional.of(new ClaimedProduct("X", ProductKind.RATE)), ClaimedProduct.of("X_pipe_rate.fits"));
    }

    @Test
    void unusableNamesClaimNothing() {
        assertEquals(Optional.empty(), ClaimedProduct.of("notes.txt"));
        assertEquals(Optional.empty(), ClaimedProduct.of("../X_uncal.fits"));
        assertEquals(Optional.empty(), ClaimedProduct.of("X_uncal.fits.gz"));
    }
}
