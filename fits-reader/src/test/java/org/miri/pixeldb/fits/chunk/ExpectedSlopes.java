package org.miri.pixeldb.fits.chunk;

import java.nio.file.Path;
import nom.tam.fits.Fits;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.fits.testing.SyntheticValues;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * What a slope product holds, as its chunks must reproduce it: read whole by plain nom-tam-fits, or computed from
 * {@link SyntheticValues}. A RATE product's single plane is plane 0.
 *
 * @param floats SCI, ERR, VAR_POISSON, VAR_RNOISE, each [plane][row][col]
 * @param dq     the unsigned DQ flags, [plane][row][col]
 */
record ExpectedSlopes(float[][][][] floats, long[][][] dq) {

    static final String[] FLOAT_ARRAYS = {"SCI", "ERR", "VAR_POISSON", "VAR_RNOISE"};

    static ExpectedSlopes read(Path file, ProductKind product) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            float[][][][] floats = new float[FLOAT_ARRAYS.length][][][];
            for (int array = 0; array < FLOAT_ARRAYS.length; array++) {
                Object kernel = fits.getHDU(FLOAT_ARRAYS[array]).getKernel();
                floats[array] = product == ProductKind.RATE ? new float[][][] {(float[][]) kernel}
                        : (float[][][]) kernel;
            }
            Object kernel = fits.getHDU("DQ").getKernel();
            int[][][] stored = product == ProductKind.RATE ? new int[][][] {(int[][]) kernel} : (int[][][]) kernel;
            long[][][] dq = new long[stored.length][stored[0].length][stored[0][0].length];
            for (int p = 0; p < stored.length; p++) {
                for (int y = 0; y < stored[p].length; y++) {
                    for (int x = 0; x < stored[p][y].length; x++) {
                        dq[p][y][x] = stored[p][y][x] + 2_147_483_648L; // BZERO, by arithmetic rather than bits
                    }
                }
            }
            return new ExpectedSlopes(floats, dq);
        }
    }

    static ExpectedSlopes synthetic(SyntheticCorrectedProduct p) {
        int planes = p.product == ProductKind.RATE ? 1 : p.nints;
        float[][][][] floats = new float[FLOAT_ARRAYS.length][planes][p.rows][p.cols];
        long[][][] dq = new long[planes][p.rows][p.cols];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < p.rows; y++) {
                for (int x = 0; x < p.cols; x++) {
                    for (int array = 0; array < FLOAT_ARRAYS.length; array++) {
                        floats[array][plane][y][x] = SyntheticValues.slope(array, plane, y, x);
                    }
                    dq[plane][y][x] = SyntheticValues.dq(plane, y, x);
                }
            }
        }
        return new ExpectedSlopes(floats, dq);
    }
}
