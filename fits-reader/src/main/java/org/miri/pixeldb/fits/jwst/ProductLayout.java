package org.miri.pixeldb.fits.jwst;

import org.miri.pixeldb.schemas.ProductKind;

/** How a product file is organised, recognised from its header content; each layout holds one kind of product. */
public enum ProductLayout {
    /** JWST level-1b raw ramps: SCI (nints, ngroups, ny, nx) uint16 and REFOUT (nints, ngroups, ny, nx/4). */
    JWST_RAW(ProductKind.RAW),
    /** JPL ground-test raw: one primary HDU of nints x ngroups frames, reference output packed below the science. */
    JPL_RAW(ProductKind.RAW),
    /** OTIS ground-test raw: like JPL; COLCORNR/ROWCORNR give the subarray corner, NREFIMG the reference rows. */
    OTIS_RAW(ProductKind.RAW),
    /** Corrected ramps: SCI (and optional ERR) float32 with GROUPDQ and PIXELDQ, optional REFOUT. */
    JWST_RAMP(ProductKind.RAMP),
    /** Slopes per integration: 3-D SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE. */
    JWST_RATEINTS(ProductKind.RATEINTS),
    /** Slope of the exposure: 2-D SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE. */
    JWST_RATE(ProductKind.RATE);

    private final ProductKind kind;

    ProductLayout(ProductKind kind) {
        this.kind = kind;
    }

    public ProductKind kind() {
        return kind;
    }

    public boolean isGroundTestRaw() {
        return this == JPL_RAW || this == OTIS_RAW;
    }
}
