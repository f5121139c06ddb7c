package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import org.miri.pixeldb.schemas.RampKind;

/**
 * One integration of a raw product. Samples are unsigned 16-bit values in {@code char}s (0..65535, BZERO applied),
 * in the file's order [group][row][col]: value (g, y, x) of a block is at {@code (g * rows + y) * cols + x}. Rows and
 * columns are 0-based indices of the file's plane: array row y is full-frame row SUBSTRT2 + y, science column x is
 * full-frame column SUBSTRT1 + x, and REFOUT column x belongs to science columns 4x..4x+3.
 *
 * @param number 1-based integration number
 */
public record RawIntegration(int number, RampGeometry geometry, RawSampleSource source) {

    /** A block of science ramps: rows y0.., columns x0.. of every group. */
    public char[] science(int y0, int rows, int x0, int cols) throws IOException {
        return block(RampKind.SCIENCE, y0, rows, x0, cols);
    }

    /** A block of reference-output ramps: rows y0.., REFOUT columns x0.. of every group. */
    public char[] refout(int y0, int rows, int x0, int cols) throws IOException {
        return block(RampKind.REFOUT, y0, rows, x0, cols);
    }

    /** The whole science plane (ngroups x ny x nx); for small subarrays, use blocks otherwise. */
    public char[] science() throws IOException {
        return science(0, geometry.rows(), 0, geometry.cols());
    }

    /** The whole REFOUT plane (ngroups x ny x nx/4). */
    public char[] refout() throws IOException {
        return refout(0, geometry.rows(), 0, geometry.refCols());
    }

    public char[] block(RampKind kind, int y0, int rows, int x0, int cols) throws IOException {
        int width = kind == RampKind.SCIENCE ? geometry.cols() : geometry.refCols();
        if (y0 < 0 || rows < 1 || y0 + rows > geometry.rows() || x0 < 0 || cols < 1 || x0 + cols > width) {
            throw new IllegalArgumentException(kind + " block rows " + y0 + "+" + rows + ", columns " + x0 + "+"
                    + cols + " is not inside the " + geometry.rows() + " x " + width + " plane");
        }
        if ((long) geometry.ngroups() * rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(kind + " block of " + rows + " x " + cols + " x " + geometry.ngroups()
                    + " samples is too large for one array; read smaller blocks");
        }
        return source.read(kind, number, y0, rows, x0, cols);
    }
}
