package org.miri.pixeldb.health.slope;

import java.util.function.IntFunction;

/**
 * Quick-look slopes of every pixel of one raw integration, read in place from its [group][row][col] cube (the order
 * of {@code RawIntegration.science()}): pixel p's ramp is at {@code p + g * rows * cols}. Slopes are stored as
 * float32, like the pipeline's RATEINTS; the fit itself is exact up to the final divisions.
 */
public final class QuickLookIntegration {

    private final QuickLookSlope slope;
    private final int rows;
    private final int cols;

    public QuickLookIntegration(int ngroups, int rows, int cols, double tgroupSeconds) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("an integration needs rows and columns >= 1, got " + rows + " x " + cols);
        }
        this.slope = new QuickLookSlope(ngroups, tgroupSeconds);
        this.rows = rows;
        this.cols = cols;
    }

    public SlopePlane fit(char[] cube) {
        requireCube(cube.length);
        return fitEach(p -> slope.fit(cube, p, rows * cols));
    }

    public SlopePlane fit(int[] cube) {
        requireCube(cube.length);
        return fitEach(p -> slope.fit(cube, p, rows * cols));
    }

    // One loop for both sample types: pixel p's ramp starts at index p, one plane apart per group.
    private SlopePlane fitEach(IntFunction<RampSlope> rampOfPixel) {
        int plane = rows * cols;
        float[] slopes = new float[plane];
        int[] dq = new int[plane];
        for (int p = 0; p < plane; p++) {
            store(rampOfPixel.apply(p), p, slopes, dq);
        }
        return new SlopePlane(rows, cols, slopes, dq);
    }

    private static void store(RampSlope ramp, int p, float[] slopes, int[] dq) {
        slopes[p] = (float) ramp.dnPerSecond();
        dq[p] = ramp.dq();
    }

    private void requireCube(int length) {
        long expected = (long) slope.window().ngroups() * rows * cols;
        if (length != expected) {
            throw new IllegalArgumentException("a cube of " + slope.window().ngroups() + " groups x " + rows + " x "
                    + cols + " needs " + expected + " samples, got " + length);
        }
    }
}
