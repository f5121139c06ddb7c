package org.miri.pixeldb.health.state;

import org.miri.pixeldb.model.FrameGeometry;

/**
 * Where the slope arrays of an exposure lie on the full frame: array pixel (y, x) is full-frame row
 * {@code firstRow + y}, column {@code firstCol + x} (1-based, as SUBSTRT2 / SUBSTRT1 in docs/domain.md).
 */
public record DetectorGrid(int firstRow, int firstCol, int rows, int cols) {

    public DetectorGrid {
        if (firstRow < 1 || firstCol < 1 || rows < 1 || cols < 1 || firstRow + rows - 1 > FrameGeometry.ROWS
                || firstCol + cols - 1 > FrameGeometry.COLUMNS) {
            throw new IllegalArgumentException("rows " + firstRow + "+" + rows + ", columns " + firstCol + "+" + cols
                    + " are not inside the " + FrameGeometry.ROWS + " x " + FrameGeometry.COLUMNS + " full frame");
        }
    }

    /** From the subarray keywords, in their FITS order: SUBSTRT1, SUBSTRT2, SUBSIZE1, SUBSIZE2. */
    public static DetectorGrid fromSubarray(int substrt1, int substrt2, int subsize1, int subsize2) {
        return new DetectorGrid(substrt2, substrt1, subsize2, subsize1);
    }

    public int pixels() {
        return rows * cols;
    }

    /** Full-frame row of array index {@code pixel} (= y * cols + x). */
    public int row(int pixel) {
        return firstRow + pixel / cols;
    }

    /** Full-frame column of array index {@code pixel}. */
    public int col(int pixel) {
        return firstCol + pixel % cols;
    }

    public int amplifier(int pixel) {
        return FrameGeometry.amplifier(col(pixel));
    }

    /** Whether the pixel is in the reference columns 1-4 or 1029-1032, which are not light-sensitive. */
    public boolean referenceColumn(int pixel) {
        return FrameGeometry.isReferenceColumn(col(pixel));
    }
}
