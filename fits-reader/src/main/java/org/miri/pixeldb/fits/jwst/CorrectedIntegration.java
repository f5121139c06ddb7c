package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import org.miri.pixeldb.fits.structure.ExtensionName;

/**
 * One integration of a RAMP product. Blocks are the file's bytes in the file's order [group][row][col]: value
 * (g, y, x) of a block starts at byte {@code ((g * rows + y) * cols + x) * size}, float32 big-endian with the file's
 * bits (NaN stays NaN), GROUPDQ one unsigned byte. Rows and columns are 0-based array indices: array row y is
 * full-frame row SUBSTRT2 + y, science column x is SUBSTRT1 + x, REFOUT column x serves science columns 4x..4x+3.
 *
 * @param number 1-based integration number
 */
public record CorrectedIntegration(int number, CorrectedRampReader reader) {

    public byte[] sci(int y0, int rows, int x0, int cols) throws IOException {
        return reader.ramps(ExtensionName.SCI, number, y0, rows, x0, cols);
    }

    /** ERR, or null when the product has none. */
    public byte[] err(int y0, int rows, int x0, int cols) throws IOException {
        return reader.ramps(ExtensionName.ERR, number, y0, rows, x0, cols);
    }

    public byte[] groupdq(int y0, int rows, int x0, int cols) throws IOException {
        return reader.ramps(ExtensionName.GROUPDQ, number, y0, rows, x0, cols);
    }

    /** @throws IllegalStateException when the product has no REFOUT */
    public byte[] refout(int y0, int rows, int x0, int cols) throws IOException {
        return reader.ramps(ExtensionName.REFOUT, number, y0, rows, x0, cols);
    }

    /** PIXELDQ, [row][col] big-endian unsigned 32-bit: the same for every integration. */
    public byte[] pixeldq(int y0, int rows, int x0, int cols) throws IOException {
        return reader.pixeldq(y0, rows, x0, cols);
    }
}
