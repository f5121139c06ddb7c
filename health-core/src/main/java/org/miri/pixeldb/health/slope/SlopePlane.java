package org.miri.pixeldb.health.slope;

/**
 * Quick-look slopes of one integration, as a RATEINTS plane would hold them: float32 slopes in DN/s and uint32 DQ
 * (in {@code int}s), both in [row][col] order of the file's plane: pixel (y, x) at {@code y * cols + x}.
 */
public record SlopePlane(int rows, int cols, float[] slopes, int[] dq) {

    public SlopePlane {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a slope plane needs rows and columns >= 1, got " + rows + " x " + cols);
        }
        if (slopes.length != rows * cols || dq.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " plane needs " + rows * cols
                    + " slopes and DQ values, got " + slopes.length + " and " + dq.length);
        }
    }

    public float slope(int y, int x) {
        return slopes[y * cols + x];
    }

    public int dq(int y, int x) {
        return dq[y * cols + x];
    }
}
