package org.miri.pixeldb.api.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the strips of a region of one exposure's loaded product, streamed with a cursor (the connection is in a
 * transaction) so that memory holds a few strips whatever the region's size.
 */
@ApplicationScoped
public class RegionRepository {

    private static final int FETCH_SIZE = 256;

    public void ramps(Connection connection, long exposureId, Region region, RampVisitor visitor)
            throws SQLException, IOException {
        String values = region.kind() == Region.RampKind.CORRECTED ? "s.sci, s.err, s.groupdq" : "s.samples";
        String sql = "select s.integration, s.row, s.first_col, s.ncols, " + values + " from " + region.kind().table
                + " s join product p on p.id = s.product_id where p.exposure_id = ? and p.kind = ?"
                + " and p.state = 'LOADED' and s.row between ? and ? and s.integration between ? and ?"
                + " and s.first_col <= ? and s.first_col + s.ncols > ? order by s.integration, s.row, s.first_col";
        int width = region.kind() == Region.RampKind.CORRECTED ? 3 : 1;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            Object[] values2 = {exposureId, region.kind().product, region.rows().first(), region.rows().last(),
                region.integrations().first(), region.integrations().last(), region.cols().last(),
                region.cols().first()};
            for (int i = 0; i < values2.length; i++) {
                statement.setObject(i + 1, values2[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int integration = rs.getInt(1);
                    int row = rs.getInt(2);
                    int firstCol = rs.getInt(3);
                    int ncols = rs.getInt(4);
                    byte[][] strip = new byte[width][];
                    for (int w = 0; w < width; w++) {
                        strip[w] = rs.getBytes(5 + w);
                    }
                    int from = Math.max(firstCol, region.cols().first());
                    int to = Math.min(firstCol + ncols - 1, region.cols().last());
                    for (int col = from; col <= to; col++) {
                        visitor.ramp(integration, row, col, strip, col - firstCol);
                    }
                }
            }
        }
    }

    /** Slope planes: sci, err, dq, var_poisson, var_rnoise per strip; integration 0 is RATE's single plane. */
    public void slopes(Connection connection, long exposureId, String product, Region region, RampVisitor visitor)
            throws SQLException, IOException {
        String sql = "select s.integration, s.row, s.first_col, s.ncols, s.sci, s.err, s.dq, s.var_poisson,"
                + " s.var_rnoise from slope_strip s join product p on p.id = s.product_id where p.exposure_id = ?"
                + " and p.kind = ? and p.state = 'LOADED' and s.row between ? and ?"
                + " and (p.kind = 'RATE' or s.integration between ? and ?)"
                + " and s.first_col <= ? and s.first_col + s.ncols > ? order by s.integration, s.row, s.first_col";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            Object[] values = {exposureId, product, region.rows().first(), region.rows().last(),
                region.integrations().first(), region.integrations().last(), region.cols().last(),
                region.cols().first()};
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byte[][] strip = {rs.getBytes(5), rs.getBytes(6), rs.getBytes(7), rs.getBytes(8), rs.getBytes(9)};
                    int firstCol = rs.getInt(3);
                    int from = Math.max(firstCol, region.cols().first());
                    int to = Math.min(firstCol + rs.getInt(4) - 1, region.cols().last());
                    for (int col = from; col <= to; col++) {
                        visitor.ramp(rs.getInt(1), rs.getInt(2), col, strip, col - firstCol);
                    }
                }
            }
        }
    }

    /** PIXELDQ strips of the region's rows and columns (the visitor's integration is 0). */
    public void pixeldq(Connection connection, long exposureId, Region region, RampVisitor visitor)
            throws SQLException, IOException {
        String sql = "select s.row, s.first_col, s.ncols, s.dq from pixeldq_strip s join product p"
                + " on p.id = s.product_id where p.exposure_id = ? and p.kind = 'RAMP' and p.state = 'LOADED'"
                + " and s.row between ? and ? and s.first_col <= ? and s.first_col + s.ncols > ?"
                + " order by s.row, s.first_col";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            Object[] values = {exposureId, region.rows().first(), region.rows().last(), region.cols().last(),
                region.cols().first()};
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byte[][] strip = {rs.getBytes(4)};
                    int firstCol = rs.getInt(2);
                    int from = Math.max(firstCol, region.cols().first());
                    int to = Math.min(firstCol + rs.getInt(3) - 1, region.cols().last());
                    for (int col = from; col <= to; col++) {
                        visitor.ramp(0, rs.getInt(1), col, strip, col - firstCol);
                    }
                }
            }
        }
    }

    /** The stored primary header (JSON array of cards) of the exposure's loaded product of a kind; null if none. */
    public String header(Connection connection, long exposureId, String kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select header::text from product"
                + " where exposure_id = ? and kind = ? and state = 'LOADED'")) {
            statement.setLong(1, exposureId);
            statement.setString(2, kind);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
