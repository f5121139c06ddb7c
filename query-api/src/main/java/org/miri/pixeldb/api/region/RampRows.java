package org.miri.pixeldb.api.region;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The rows of a strip query already run, read strip by strip into ramps; closes its statement, not its connection. */
public final class RampRows implements AutoCloseable {

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Region region;
    private final int arrays;

    RampRows(PreparedStatement statement, ResultSet rows, Region region, int arrays) {
        this.statement = statement;
        this.rows = rows;
        this.region = region;
        this.arrays = arrays;
    }

    /** Hands every ramp of the region, in the query's order, to the visitor. */
    public void visit(RampVisitor visitor) throws SQLException, IOException {
        while (rows.next()) {
            byte[][] strip = new byte[arrays][];
            for (int a = 0; a < arrays; a++) {
                strip[a] = rows.getBytes(5 + a);
            }
            int firstCol = rows.getInt(3);
            int from = Math.max(firstCol, region.cols().first());
            int to = Math.min(firstCol + rows.getInt(4) - 1, region.cols().last());
            for (int col = from; col <= to; col++) {
                visitor.ramp(rows.getInt(1), rows.getInt(2), col, strip, col - firstCol);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (statement) {
            rows.close();
        }
    }
}
