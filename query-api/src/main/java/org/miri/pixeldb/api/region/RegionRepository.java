package org.miri.pixeldb.api.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads the strips of a region of one exposure's loaded product, streamed with a cursor (the connection is in a
 * transaction) so that memory holds a few strips whatever the region's size. Every query selects integration, row,
 * first_col, ncols and then the packed arrays; the strips are cut to the region's columns here.
 */
@ApplicationScoped
public class RegionRepository {

    private static final int FETCH_SIZE = 256;
    private static final String REGION = " s join product p on p.id = s.product_id where p.exposure_id = ?"
            + " and p.kind = ? and p.state = 'LOADED' and s.row between ? and ?"
            + " and s.first_col <= ? and s.first_col + s.ncols > ?";
    private static final String ORDER = " order by s.integration, s.row, s.first_col";

    public void ramps(Connection connection, long exposureId, Region region, RampVisitor visitor)
            throws SQLException, IOException {
        try (RampRows rows = openRamps(connection, exposureId, region)) {
            rows.visit(visitor);
        }
    }

    /** Runs a region's ramp query now (its first rows fetched), to be read later by {@link RampRows#visit}. */
    public RampRows openRamps(Connection connection, long exposureId, Region region) throws SQLException {
        boolean corrected = region.kind() == RegionKind.CORRECTED;
        String sql = "select s.integration, s.row, s.first_col, s.ncols, "
                + (corrected ? "s.sci, s.err, s.groupdq" : "s.samples") + " from " + region.kind().table + REGION
                + " and s.integration between ? and ?" + ORDER;
        return open(connection, sql, withIntegrations(exposureId, region.kind().product, region), region,
                corrected ? 3 : 1);
    }

    /** Slope planes: sci, err, dq, var_poisson, var_rnoise; RATE's single plane has integration 0. */
    public void slopes(Connection connection, long exposureId, String product, Region region, Set<SlopePlane> planes,
            RampVisitor visitor) throws SQLException, IOException {
        // Planes not asked for are not read at all (a null column): each is a strip PostgreSQL would detoast.
        String columns = java.util.Arrays.stream(SlopePlane.values()).map(p -> planes.contains(p)
                ? "s." + p.csvColumn : "null::bytea").collect(java.util.stream.Collectors.joining(", "));
        String sql = "select s.integration, s.row, s.first_col, s.ncols, " + columns + " from slope_strip" + REGION
                + " and (p.kind = 'RATE' or s.integration between ? and ?)" + ORDER;
        stream(connection, sql, withIntegrations(exposureId, product, region), region, 5, visitor);
    }

    /** PIXELDQ of the region (integration 0 for the visitor: it holds for every integration). */
    public void pixeldq(Connection connection, long exposureId, Region region, RampVisitor visitor)
            throws SQLException, IOException {
        String sql = "select 0, s.row, s.first_col, s.ncols, s.dq from pixeldq_strip" + REGION
                + " order by s.row, s.first_col";
        stream(connection, sql, bounds(exposureId, "RAMP", region), region, 1, visitor);
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

    /** The values REGION binds, in its order. */
    private static Object[] bounds(long exposureId, String kind, Region region) {
        return new Object[] {exposureId, kind, region.rows().first(), region.rows().last(), region.cols().last(),
            region.cols().first()};
    }

    private static Object[] withIntegrations(long exposureId, String kind, Region region) {
        Object[] values = java.util.Arrays.copyOf(bounds(exposureId, kind, region), 8);
        values[6] = region.integrations().first();
        values[7] = region.integrations().last();
        return values;
    }

    private static void stream(Connection connection, String sql, Object[] values, Region region, int arrays,
            RampVisitor visitor) throws SQLException, IOException {
        try (RampRows rows = open(connection, sql, values, region, arrays)) {
            rows.visit(visitor);
        }
    }

    private static RampRows open(Connection connection, String sql, Object[] values, Region region, int arrays)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return new RampRows(statement, statement.executeQuery(), region, arrays);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
