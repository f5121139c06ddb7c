package org.miri.pixeldb.api.region;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import org.miri.pixeldb.api.format.FitsOutput;

/**
 * Slope images as FITS: a primary HDU with the exposure's keywords, then those of SCI, ERR, DQ, VAR_POISSON and
 * VAR_RNOISE asked for, in that order.
 */
final class SlopeFits {

    private SlopeFits() {
    }

    static List<BasicHDU<?>> hdus(Region region, float[][][][] floats, long[][][] dq, Set<SlopePlane> planes,
            String exposure, String headerJson) throws IOException {
        try {
            List<BasicHDU<?>> hdus = new ArrayList<>();
            hdus.add(new nom.tam.fits.NullDataHDU());
            FitsOutput.declareLongStrings(hdus.get(0).getHeader());
            FitsOutput.copyCards(headerJson, hdus.get(0).getHeader());
            hdus.get(0).getHeader().addValue("PIXDBEXP", exposure, "exposure");
            // The planes asked for, in the enum's order (the pipeline's extension order); DQ converted only if asked.
            for (SlopePlane plane : planes) {
                boolean dqPlane = plane == SlopePlane.DQ;
                BasicHDU<?> hdu = Fits.makeHDU(dqPlane ? unsignedDq(dq) : floats[SlopeImages.floatIndex(plane)]);
                hdu.getHeader().addValue("EXTNAME", plane.name(), "");
                if (dqPlane) {
                    hdu.getHeader().addValue("BZERO", 2147483648L, "stored int32 + 2**31 = uint32 mask");
                }
                hdu.getHeader().addValue("SUBSTRT1", region.cols().first(), "first full-frame column, 1-based");
                hdu.getHeader().addValue("SUBSTRT2", region.rows().first(), "first full-frame row, 1-based");
                hdu.getHeader().addValue("SUBSIZE1", region.cols().size(), "columns");
                hdu.getHeader().addValue("SUBSIZE2", region.rows().size(), "rows");
                hdus.add(hdu);
            }
            return hdus;
        } catch (FitsException e) {
            throw new IOException("cannot build FITS: " + e.getMessage(), e);
        }
    }

    // FITS has no unsigned 32-bit type: the convention is int32 with BZERO 2**31, as the pipeline's own files.
    private static int[][][] unsignedDq(long[][][] dq) {
        int[][][] stored = new int[dq.length][][];
        for (int p = 0; p < dq.length; p++) {
            stored[p] = new int[dq[p].length][];
            for (int y = 0; y < dq[p].length; y++) {
                stored[p][y] = new int[dq[p][y].length];
                for (int x = 0; x < dq[p][y].length; x++) {
                    stored[p][y][x] = (int) (dq[p][y][x] - 2147483648L);
                }
            }
        }
        return stored;
    }
}
