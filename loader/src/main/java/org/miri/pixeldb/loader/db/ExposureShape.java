package org.miri.pixeldb.loader.db;

import org.miri.pixeldb.schemas.Exposure;

/**
 * What every product of one exposure must agree on: the detector, the subarray and the ramp shape.
 * Ramps are checked against it before they are stored.
 */
public record ExposureShape(int scaId, int substrt1, int substrt2, int subsize1, int subsize2, int nints,
                            int ngroups) {

    /** Reference-output columns: one per 4 science columns, numbered from 1 over the full frame. */
    private static final int REFOUT_COLS = 1032 / 4;

    public static ExposureShape of(Exposure exposure) {
        return new ExposureShape(exposure.getScaId(), exposure.getSubstrt1(), exposure.getSubstrt2(),
                exposure.getSubsize1(), exposure.getSubsize2(), exposure.getNints(), exposure.getNgroups());
    }

    public boolean coversRows(int firstRow, int rows) {
        return rows >= 1 && firstRow >= substrt2 && firstRow + rows - 1 <= substrt2 + subsize2 - 1;
    }

    public boolean coversCols(int firstCol, int cols) {
        return cols >= 1 && firstCol >= substrt1 && firstCol + cols - 1 <= substrt1 + subsize1 - 1;
    }

    public boolean coversRefoutCols(int firstCol, int cols) {
        return cols >= 1 && firstCol >= 1 && firstCol + cols - 1 <= REFOUT_COLS;
    }

    @Override
    public String toString() {
        return "SCA " + scaId + ", columns " + substrt1 + "+" + subsize1 + ", rows " + substrt2 + "+" + subsize2
                + ", " + nints + " integrations of " + ngroups + " groups";
    }
}
