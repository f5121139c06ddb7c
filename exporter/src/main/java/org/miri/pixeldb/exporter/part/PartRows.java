package org.miri.pixeldb.exporter.part;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.miri.pixeldb.exporter.parquet.ParquetPartFile;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.ExportPart;

/**
 * Reads a part's strips from PostgreSQL and appends one row per ramp (or slope) to its file. Strips are read in
 * (integration, row, first column) order with a cursor, so memory holds a few hundred strips whatever the part's
 * size; the implementations decode the packed arrays as the writers stored them (big-endian, pixel after pixel).
 */
abstract class PartRows {

    private static final int FETCH_SIZE = 512;

    /** Appends the part's rows; returns how many passed the flag filters. */
    abstract long append(Connection db, ExportPart part, PartContext context, ParquetPartFile file)
            throws SQLException;

    /** The strips of the part's product version, band and columns; integrations bound unless {@code anyPlane}. */
    static ResultSet strips(Connection db, String table, String arrays, ExportPart part, boolean anyPlane)
            throws SQLException {
        PreparedStatement statement = db.prepareStatement("select integration, row, first_col, ncols, " + arrays
                + " from " + table + " where product_id = ? and row between ? and ? and first_col <= ?"
                + " and first_col + ncols > ?" + (anyPlane ? "" : " and integration between ? and ?")
                + " order by integration, row, first_col");
        statement.setFetchSize(FETCH_SIZE);
        statement.closeOnCompletion();
        statement.setLong(1, part.getProductId());
        statement.setInt(2, part.getRowFirst());
        statement.setInt(3, part.getRowLast());
        statement.setInt(4, part.getColLast());
        statement.setInt(5, part.getColFirst());
        if (!anyPlane) {
            statement.setInt(6, part.getIntegrationFirst());
            statement.setInt(7, part.getIntegrationLast());
        }
        return statement.executeQuery();
    }

    /** Whether a DQ value passes the part's flag and noflag masks. */
    static boolean passes(ExportPart part, long dq) {
        return (part.getFlagMask() == 0 || (dq & part.getFlagMask()) != 0) && (dq & part.getNoflagMask()) == 0;
    }

    /**
     * Begins a row and appends the key columns that vary (exposure, detector and DATE-OBS are the part's constants);
     * {@code integration} 0 (RATE's one plane) is written as null.
     */
    static DuckDBAppender begin(ParquetPartFile file, PartContext context, int integration, int row, int col,
            boolean refout) throws SQLException {
        DuckDBAppender appender = file.appender().beginRow();
        if (integration == 0) {
            appender.appendNull();
        } else {
            appender.append((short) integration);
        }
        appender.append((short) row).append((short) col);
        return refout ? appender.appendNull() : appender.append(FrameGeometry.pixelId(row, col));
    }
}
