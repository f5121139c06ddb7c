package org.miri.pixeldb.fits.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.schemas.ProductKind;

/** The data arrays of a {@link SyntheticCorrectedProduct}, numpy order, in the (unusual) order they are written. */
public final class SyntheticArrays {

    private SyntheticArrays() {
    }

    public static Map<ExtensionName, Object> ramp(SyntheticCorrectedProduct p) {
        int groups = p.groupdqGroups == null ? p.ngroups : p.groupdqGroups;
        float[][][][] sci = new float[p.nints][p.ngroups][p.rows][p.cols];
        float[][][][] err = new float[p.nints][p.ngroups][p.rows][p.cols];
        float[][][][] refout = new float[p.nints][p.ngroups][p.rows][p.cols / 4];
        byte[][][][] groupdq = new byte[p.nints][groups][p.rows][p.cols];
        short[][][][] wideGroupdq = new short[p.nints][groups][p.rows][p.cols];
        for (int i = 0; i < p.nints; i++) {
            for (int g = 0; g < Math.max(groups, p.ngroups); g++) {
                for (int y = 0; y < p.rows; y++) {
                    for (int x = 0; x < p.cols; x++) {
                        if (g < p.ngroups) {
                            sci[i][g][y][x] = SyntheticValues.sci(i + 1, g, y, x);
                            err[i][g][y][x] = SyntheticValues.err(i + 1, g, y, x);
                            if (x < p.cols / 4) {
                                refout[i][g][y][x] = SyntheticValues.refout(i + 1, g, y, x);
                            }
                        }
                        if (g < groups) {
                            groupdq[i][g][y][x] = SyntheticValues.groupdq(i + 1, g, y, x);
                            wideGroupdq[i][g][y][x] = (short) (groupdq[i][g][y][x] & 0xff);
                        }
                    }
                }
            }
        }
        int[][] pixeldq = new int[p.rows][p.cols];
        for (int y = 0; y < p.rows; y++) {
            for (int x = 0; x < p.cols; x++) {
                pixeldq[y][x] = SyntheticValues.stored(SyntheticValues.pixeldq(y, x));
            }
        }
        Map<ExtensionName, Object> arrays = new LinkedHashMap<>();
        arrays.put(ExtensionName.PIXELDQ, pixeldq);
        arrays.put(ExtensionName.GROUPDQ, p.groupdqAsShort ? wideGroupdq : groupdq);
        arrays.put(ExtensionName.REFOUT, refout);
        arrays.put(ExtensionName.ERR, err);
        arrays.put(ExtensionName.SCI, sci);
        return arrays;
    }

    /** RATEINTS planes (nints, rows, cols), or the single RATE plane (rows, cols). */
    static Map<ExtensionName, Object> slopes(SyntheticCorrectedProduct p) {
        boolean cube = p.product == ProductKind.RATEINTS;
        int planes = cube ? p.nints : 1;
        float[][][][] values = new float[4][planes][p.rows][p.cols];
        int[][][] dq = new int[planes][p.rows][p.cols];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < p.rows; y++) {
                for (int x = 0; x < p.cols; x++) {
                    for (int array = 0; array < 4; array++) {
                        values[array][plane][y][x] = SyntheticValues.slope(array, plane, y, x);
                    }
                    dq[plane][y][x] = SyntheticValues.stored(SyntheticValues.dq(plane, y, x));
                }
            }
        }
        Map<ExtensionName, Object> arrays = new LinkedHashMap<>();
        arrays.put(ExtensionName.VAR_RNOISE, cube ? values[3] : values[3][0]);
        arrays.put(ExtensionName.DQ, cube ? dq : dq[0]);
        arrays.put(ExtensionName.SCI, cube ? values[0] : values[0][0]);
        arrays.put(ExtensionName.VAR_POISSON, cube ? values[2] : values[2][0]);
        arrays.put(ExtensionName.ERR, cube ? values[1] : values[1][0]);
        return arrays;
    }
}
