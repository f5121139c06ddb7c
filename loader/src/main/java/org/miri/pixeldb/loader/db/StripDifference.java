package org.miri.pixeldb.loader.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The first place two versions of a product differ: which values (a strip table's plane), integration (0 where
 * the values have none) and detector row, and the column when both versions have the row from the same column. Found in Java from the
 * row's two byte strings: SQL would have to unpack every value to say more than "this row".
 */
record StripDifference(String what, int integration, int row, Integer column) {

    /** Reads a row of {@link StripTable}'s comparison: integration, row, both versions' first_col and ncols, planes. */
    static StripDifference of(ResultSet rs, String label, List<String> planes) throws SQLException {
        int integration = rs.getInt("integration");
        int row = rs.getInt("row");
        Integer firstCol = (Integer) rs.getObject(3);
        Integer ncols = (Integer) rs.getObject(4);
        boolean aligned = firstCol != null && firstCol.equals(rs.getObject(5));
        for (int i = 0; i < planes.size(); i++) {
            byte[] candidate = rs.getBytes(6 + 2 * i);
            byte[] loaded = rs.getBytes(7 + 2 * i);
            if (candidate == null && loaded == null) {
                continue; // a plane neither version has (ERR of a pipeline that no longer writes it)
            }
            int at = candidate == null || loaded == null ? 0 : Arrays.mismatch(candidate, loaded);
            if (at >= 0) {
                // Strips keep every value of one pixel together, so the byte offset says the column.
                Integer column = aligned && candidate != null && loaded != null ? firstCol + at / (candidate.length / ncols)
                        : null;
                return new StripDifference(what(label, planes, i), integration, row, column);
            }
        }
        return new StripDifference(what(label, planes, 0), integration, row, null);
    }

    private static String what(String label, List<String> planes, int plane) {
        return planes.size() == 1 ? "the " + label : planes.get(plane).toUpperCase(Locale.ROOT) + " of the " + label;
    }

    /** E.g. "in SCI of the corrected ramps at integration 2, row 790, column 17". */
    String describe() {
        return "in " + what + " at " + (integration > 0 ? "integration " + integration + ", " : "") + "row " + row
                + (column == null ? "" : ", column " + column);
    }
}
