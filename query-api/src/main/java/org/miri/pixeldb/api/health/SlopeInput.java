package org.miri.pixeldb.api.health;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.miri.pixeldb.health.state.DetectorGrid;
import org.miri.pixeldb.health.state.ExposureSlopes;
import org.miri.pixeldb.health.state.IntegrationSlopes;

/**
 * The input of the health rules for one exposure, read from its loaded slope product: RATEINTS where there is one
 * (a slope per integration), else RATE (one plane). Strips are read as stored (big-endian float32 SCI, uint32 DQ),
 * not through {@code slope_v}, which would decode every pixel in SQL.
 *
 * @param kind RATEINTS or RATE
 */
record SlopeInput(int exposureId, int productId, String kind, ExposureSlopes slopes) {

    private static final String PRODUCT = "select e.id, p.id, p.kind, e.substrt1, e.substrt2, e.subsize1,"
            + " e.subsize2 from exposure e join product p on p.exposure_id = e.id and p.state = 'LOADED'"
            + " and p.kind in ('RATEINTS', 'RATE') where e.name = ? order by p.kind = 'RATEINTS' desc limit 1";
    private static final String STRIPS = "select integration, row, first_col, ncols, sci, dq from slope_strip"
            + " where product_id = ?";

    /** The exposure's slopes, or empty while it has no loaded slope product. */
    static Optional<SlopeInput> read(Connection connection, String exposure) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PRODUCT)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                DetectorGrid grid = DetectorGrid.fromSubarray(rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7));
                return Optional.of(new SlopeInput(rs.getInt(1), rs.getInt(2), rs.getString(3),
                        ExposureSlopes.of(grid, planes(connection, rs.getInt(2), grid))));
            }
        }
    }

    /** The planes in integration order, each made when its first strip comes (RATE's one plane is integration 0). */
    private static List<IntegrationSlopes> planes(Connection connection, int productId, DetectorGrid grid)
            throws SQLException {
        SortedMap<Integer, IntegrationSlopes> integrations = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(STRIPS)) {
            query.setInt(1, productId);
            query.setFetchSize(256);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    IntegrationSlopes plane = integrations.computeIfAbsent(rs.getInt(1), i -> empty(grid));
                    int start = (rs.getInt(2) - grid.firstRow()) * grid.cols() + rs.getInt(3) - grid.firstCol();
                    ByteBuffer sci = ByteBuffer.wrap(rs.getBytes(5));
                    ByteBuffer dq = ByteBuffer.wrap(rs.getBytes(6));
                    for (int x = 0; x < rs.getInt(4); x++) {
                        plane.slopes()[start + x] = sci.getFloat(4 * x);
                        plane.dq()[start + x] = dq.getInt(4 * x);
                    }
                }
            }
        }
        return new ArrayList<>(integrations.values());
    }

    /** A pixel without a stored value is not considered: NaN, as the rules treat a NaN slope. */
    private static IntegrationSlopes empty(DetectorGrid grid) {
        float[] slopes = new float[grid.pixels()];
        Arrays.fill(slopes, Float.NaN);
        return new IntegrationSlopes(slopes, new int[grid.pixels()]);
    }
}
