package org.miri.pixeldb.splitter.fits;

/**
 * The part of the full frame a file covers, in JWST keywords (1-based, full-frame coordinates).
 *
 * @param name     SUBARRAY, e.g. FULL, SUB64, GENERIC
 * @param substrt1 first column
 * @param substrt2 first row
 * @param subsize1 columns
 * @param subsize2 rows
 */
public record Subarray(String name, int substrt1, int substrt2, int subsize1, int subsize2) {

    /** Rejects a subarray that is empty or does not lie inside the 1032 x 1024 detector. */
    void requireOnDetector() throws RejectedProductException {
        if (subsize1 < 1 || subsize2 < 1) {
            throw new RejectedProductException("subarray " + name + " is empty: SUBSIZE1 " + subsize1
                    + " x SUBSIZE2 " + subsize2);
        }
        long lastCol = (long) substrt1 + subsize1 - 1;
        if (substrt1 < 1 || lastCol > Detector.COLUMNS) {
            throw new RejectedProductException("subarray columns " + substrt1 + ".." + lastCol + " run off the "
                    + Detector.COLUMNS + "-column detector");
        }
        long lastRow = (long) substrt2 + subsize2 - 1;
        if (substrt2 < 1 || lastRow > Detector.ROWS) {
            throw new RejectedProductException("subarray rows " + substrt2 + ".." + lastRow + " run off the "
                    + Detector.ROWS + "-row detector");
        }
    }
}
