package org.miri.pixeldb.fits.groundtest;

import org.miri.pixeldb.model.ReferenceOutput;

/**
 * Converts the JPL and OTIS ground-test raw layout to the JWST layout, as the instrument team defined it: each raw
 * frame is its science rows followed by the reference output packed row by row; cut that packed run into nx/4 pieces
 * of ny values and piece j is REFOUT column j. Keywords are converted by {@link GroundTestKeywords}.
 */
public final class GroundTestConversion {

    private GroundTestConversion() {
    }

    /** JPL's COLSTART is known to be wrong; this is the correction, in double arithmetic like the prototype's. */
    public static int correctedColstart(int colstart) {
        return (int) (0.2 * colstart + 0.8);
    }

    /** SUBSTRT1 of a JPL file: the corrected COLSTART counts 4-column steps. */
    public static int substrt1(int colstart) {
        return 4 * correctedColstart(colstart) - 3;
    }

    /**
     * Converts whole raw frames, all unsigned 16-bit samples.
     *
     * @param raw         {@code frames} frames in order [frame][rawRow][col], {@code rawRows} x {@code cols} each
     * @param scienceRows the science rows at the top of each frame (ny); the rest is the packed reference output
     * @return science [frame][row][col] (frames x ny x nx) and REFOUT [frame][row][refCol] (frames x ny x nx/4)
     */
    public static JwstFrames convert(char[] raw, int frames, int rawRows, int cols, int scienceRows) {
        int frameSize = rawRows * cols;
        int scienceSize = scienceRows * cols;
        int refCols = ReferenceOutput.columns(cols);
        if (raw.length != frames * frameSize || (rawRows - scienceRows) * cols != scienceRows * refCols) {
            throw new IllegalArgumentException("raw frames do not match " + frames + " x " + rawRows + " x " + cols
                    + " with " + scienceRows + " science rows and a quarter-size reference output");
        }
        char[] science = new char[frames * scienceSize];
        char[] refout = new char[frames * scienceRows * refCols];
        for (int frame = 0; frame < frames; frame++) {
            System.arraycopy(raw, frame * frameSize, science, frame * scienceSize, scienceSize);
            unpackReferenceOutput(raw, frame * frameSize + scienceSize, scienceRows, refCols,
                    refout, frame * scienceRows * refCols);
        }
        return new JwstFrames(science, refout);
    }

    /**
     * Unpacks one packed run: {@code pieces} consecutive pieces of {@code pieceLength} values, piece j being column j.
     * Writes the block row by row, {@code out[outFrom + row * pieces + j] = packed[from + j * pieceLength + row]}.
     * A whole frame's run gives its REFOUT plane (pieceLength ny, pieces nx/4); a sub-run read for rows y0.. of
     * columns j0.. (pieceLength rows, pieces cols) gives that block.
     */
    public static void unpackReferenceOutput(char[] packed, int from, int pieceLength, int pieces,
            char[] out, int outFrom) {
        for (int j = 0; j < pieces; j++) {
            int piece = from + j * pieceLength;
            for (int row = 0; row < pieceLength; row++) {
                out[outFrom + row * pieces + j] = packed[piece + row];
            }
        }
    }

    /** A ground-test exposure in the JWST layout, both arrays unsigned 16-bit in numpy order. */
    public record JwstFrames(char[] science, char[] refout) {
    }
}
