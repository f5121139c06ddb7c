package org.miri.pixeldb.fits.chunk;

import java.nio.file.Path;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.testing.SyntheticArrays;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.fits.testing.SyntheticValues;

/**
 * What a RAMP product holds, as the chunks must reproduce it: read whole by plain nom-tam-fits (independently of the
 * splitter's byte reads), or computed from {@link SyntheticValues}. Floats are compared by their raw bits.
 *
 * @param err    null when the product has no ERR
 * @param refout null when the product has no REFOUT
 */
record ExpectedRamps(float[][][][] sci, float[][][][] err, byte[][][][] groupdq, long[][] pixeldq,
        float[][][][] refout) {

    static ExpectedRamps read(Path file) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            int[][] stored = (int[][]) fits.getHDU("PIXELDQ").getKernel();
            long[][] pixeldq = new long[stored.length][stored[0].length];
            for (int y = 0; y < stored.length; y++) {
                for (int x = 0; x < stored[y].length; x++) {
                    pixeldq[y][x] = stored[y][x] + 2_147_483_648L; // BZERO, by arithmetic rather than bits
                }
            }
            return new ExpectedRamps((float[][][][]) fits.getHDU("SCI").getKernel(), floats(fits.getHDU("ERR")),
                    (byte[][][][]) fits.getHDU("GROUPDQ").getKernel(), pixeldq, floats(fits.getHDU("REFOUT")));
        }
    }

    private static float[][][][] floats(BasicHDU<?> hdu) {
        return hdu == null ? null : (float[][][][]) hdu.getKernel();
    }

    /** The arrays a synthetic product was written with; PIXELDQ as the unsigned flags, not as stored. */
    static ExpectedRamps synthetic(SyntheticCorrectedProduct p) {
        Map<ExtensionName, Object> written = SyntheticArrays.ramp(p);
        long[][] pixeldq = new long[p.rows][p.cols];
        for (int y = 0; y < p.rows; y++) {
            for (int x = 0; x < p.cols; x++) {
                pixeldq[y][x] = SyntheticValues.pixeldq(y, x);
            }
        }
        return new ExpectedRamps((float[][][][]) written.get(ExtensionName.SCI),
                p.omitted.contains(ExtensionName.ERR) ? null : (float[][][][]) written.get(ExtensionName.ERR),
                (byte[][][][]) written.get(ExtensionName.GROUPDQ), pixeldq,
                p.omitted.contains(ExtensionName.REFOUT) ? null : (float[][][][]) written.get(ExtensionName.REFOUT));
    }

    /** NaNs among all values of a float array, for checking that every one survives the chunks. */
    static long nans(float[][][][] values) {
        long count = 0;
        for (float[][][] integration : values) {
            for (float[][] group : integration) {
                for (float[] row : group) {
                    for (float value : row) {
                        count += Float.isNaN(value) ? 1 : 0;
                    }
                }
            }
        }
        return count;
    }
}
