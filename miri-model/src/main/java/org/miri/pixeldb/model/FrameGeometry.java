package org.miri.pixeldb.model;

/**
 * The MIRI full frame, in the 1-based rows and columns of FITS and the JWST keywords. Every detector has the same
 * frame, and every pixel the database holds is a place on it.
 */
public final class FrameGeometry {

    /** Full-frame columns, the reference columns at both edges included. */
    public static final int COLUMNS = 1032;
    /** Full-frame rows. */
    public static final int ROWS = 1024;
    /** Pixels of a full frame, which is also the largest pixel id. */
    public static final int PIXELS = COLUMNS * ROWS;
    /** Reference pixels (not light-sensitive) are the first and the last 4 columns of every row: 1-4 and 1029-1032. */
    public static final int REFERENCE_COLUMNS_PER_EDGE = 4;
    /** The detector is read through 4 amplifiers, each taking every fourth column. */
    public static final int AMPLIFIERS = 4;

    private FrameGeometry() {
    }

    /** Whether a full-frame column holds reference pixels, which see bias and noise but no light. */
    public static boolean isReferenceColumn(int col) {
        return col <= REFERENCE_COLUMNS_PER_EDGE || col > COLUMNS - REFERENCE_COLUMNS_PER_EDGE;
    }

    /** The amplifier (1-4) that reads a full-frame column: columns 1, 5, 9, ... go through amplifier 1. */
    public static int amplifier(int col) {
        return (col - 1) % AMPLIFIERS + 1;
    }

    /**
     * The prototype's pixel number, {@code (row - 1) * 1032 + col}: 1 for row 1 column 1, 802897 for the first pixel
     * of the SUB64 test exposure. Its users know pixels by it, so the API keeps it.
     */
    public static int pixelId(int row, int col) {
        return (row - 1) * COLUMNS + col;
    }

    /** The full-frame row of a prototype pixel number (1..{@link #PIXELS}). */
    public static int rowOfPixelId(int pixelId) {
        return (pixelId - 1) / COLUMNS + 1;
    }

    /** The full-frame column of a prototype pixel number (1..{@link #PIXELS}). */
    public static int colOfPixelId(int pixelId) {
        return (pixelId - 1) % COLUMNS + 1;
    }
}
