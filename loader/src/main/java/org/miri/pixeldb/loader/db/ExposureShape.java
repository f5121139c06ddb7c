package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.model.ReferenceOutput;
import org.miri.pixeldb.schemas.Exposure;

/**
 * What every product of one exposure must agree on: the detector, the subarray and the ramp shape.
 * Ramps are checked against it before they are stored.
 */
public record ExposureShape(int scaId, int substrt1, int substrt2, int subsize1, int subsize2, int nints,
                            int ngroups) {

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

    /** Reference-output columns are numbered from 1 over the full frame, one per 4 science columns. */
    public boolean coversRefoutCols(int firstCol, int cols) {
        return cols >= 1 && firstCol >= 1 && firstCol + cols - 1 <= ReferenceOutput.FULL_FRAME_COLUMNS;
    }

    /** Null when a block of one integration lies inside the exposure; otherwise what is wrong. */
    public String blockProblem(int integration, boolean refout, int firstRow, int rows, int firstCol, int cols) {
        if (integration < 1 || integration > nints) {
            return "integration " + integration + " outside 1.." + nints;
        }
        if (!coversRows(firstRow, rows)) {
            return "rows " + firstRow + "+" + rows + " outside the subarray (" + this + ")";
        }
        if (refout ? !coversRefoutCols(firstCol, cols) : !coversCols(firstCol, cols)) {
            return (refout ? "reference-output " : "") + "columns " + firstCol + "+" + cols
                    + " outside the subarray (" + this + ")";
        }
        return null;
    }

    /** Null when a packed array holds {@code expected} bytes; otherwise what is wrong. */
    public static String sizeProblem(String array, ByteBuffer bytes, long expected) {
        return bytes.remaining() == expected ? null
                : array + " holds " + bytes.remaining() + " bytes, the block needs " + expected;
    }

    /** The header keywords in which {@code offered} differs, e.g. "NGROUPS 4, not 3". */
    public String differences(ExposureShape offered) {
        List<String> differences = new ArrayList<>();
        String[] keywords = {"SCA_ID", "SUBSTRT1", "SUBSTRT2", "SUBSIZE1", "SUBSIZE2", "NINTS", "NGROUPS"};
        int[] mine = {scaId, substrt1, substrt2, subsize1, subsize2, nints, ngroups};
        int[] theirs = {offered.scaId, offered.substrt1, offered.substrt2, offered.subsize1, offered.subsize2,
            offered.nints, offered.ngroups};
        for (int i = 0; i < keywords.length; i++) {
            if (mine[i] != theirs[i]) {
                differences.add(keywords[i] + " " + theirs[i] + ", not " + mine[i]);
            }
        }
        return String.join("; ", differences);
    }

    @Override
    public String toString() {
        return "SCA " + scaId + ", columns " + substrt1 + "+" + subsize1 + ", rows " + substrt2 + "+" + subsize2
                + ", " + nints + " integrations of " + ngroups + " groups";
    }
}
