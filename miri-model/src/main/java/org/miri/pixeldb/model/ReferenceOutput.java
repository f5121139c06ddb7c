package org.miri.pixeldb.model;

/**
 * The detector's reference output: a separate channel giving one value for every 4 science columns of a row (one
 * per pass over the 4 amplifiers). JWST files hold it as the REFOUT extension, SUBSIZE1 / 4 columns wide; the
 * ground-test files pack it into the extra rows at the bottom of each frame.
 */
public final class ReferenceOutput {

    /** Science columns served by one reference-output column. */
    public static final int COLUMNS_PER_REFERENCE_COLUMN = 4;
    /** Reference-output columns of the full frame (1032 / 4). */
    public static final int FULL_FRAME_COLUMNS = FrameGeometry.COLUMNS / COLUMNS_PER_REFERENCE_COLUMN;

    private ReferenceOutput() {
    }

    /** Reference-output columns of a window {@code columns} science columns wide. */
    public static int columns(int columns) {
        return columns / COLUMNS_PER_REFERENCE_COLUMN;
    }

    /**
     * The full-frame reference-output column (1-based) serving a full-frame science column: columns 1-4 have 1,
     * 5-8 have 2. A reference column thereby keeps its number in every subarray, as science columns do.
     */
    public static int column(int scienceCol) {
        return (scienceCol - 1) / COLUMNS_PER_REFERENCE_COLUMN + 1;
    }

    /**
     * Rows of a ground-test raw frame of {@code scienceRows} science rows: the reference output, a quarter as many
     * values, fills a quarter as many full-width rows below them (a 1024-row frame is stored as 1280 rows).
     */
    public static int groundTestFrameRows(int scienceRows) {
        return scienceRows + scienceRows / COLUMNS_PER_REFERENCE_COLUMN;
    }
}
