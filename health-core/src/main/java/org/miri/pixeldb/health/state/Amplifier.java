package org.miri.pixeldb.health.state;

/**
 * MIRI's four readout amplifiers: the detector reads four adjacent columns in parallel, one per amplifier, so
 * full-frame column c (1-based) belongs to amplifier ((c - 1) mod 4) + 1. The reference output (REFOUT) has one
 * value per 4 columns for the same reason. Each amplifier has its own gain and offset, hence per-amplifier
 * statistics.
 */
public final class Amplifier {

    /** Amplifiers per detector, numbered 1..4. */
    public static final int COUNT = 4;

    private Amplifier() {
    }

    /** The amplifier (1..4) of full-frame column {@code col} (1..1032). */
    public static int ofColumn(int col) {
        if (col < 1 || col > DetectorGrid.FULL_COLUMNS) {
            throw new IllegalArgumentException("full-frame column must be 1.." + DetectorGrid.FULL_COLUMNS + ", got "
                    + col);
        }
        return (col - 1) % COUNT + 1;
    }
}
