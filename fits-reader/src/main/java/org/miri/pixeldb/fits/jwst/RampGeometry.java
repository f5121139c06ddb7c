package org.miri.pixeldb.fits.jwst;

import org.miri.pixeldb.model.ReferenceOutput;

/**
 * The shape of a product's ramps, raw or corrected (a RAMP product's arrays have the same shape), all a reader and a
 * chunker need to know.
 *
 * @param nints    integrations
 * @param ngroups  groups per integration, i.e. samples per ramp
 * @param rows     science rows per frame (SUBSIZE2)
 * @param cols     science columns per frame (SUBSIZE1); the reference output has cols / 4
 * @param firstRow full-frame row of array row 0 (SUBSTRT2, 1-based)
 * @param firstCol full-frame column of array column 0 (SUBSTRT1, 1-based)
 */
public record RampGeometry(int nints, int ngroups, int rows, int cols, int firstRow, int firstCol) {

    public int refCols() {
        return ReferenceOutput.columns(cols);
    }

    /**
     * Full-frame reference-output column (1-based) of REFOUT array column 0: the one serving full-frame columns
     * SUBSTRT1..SUBSTRT1+3, so that a reference column keeps its number in every subarray, as science columns do.
     */
    public int firstRefCol() {
        return ReferenceOutput.column(firstCol);
    }
}
