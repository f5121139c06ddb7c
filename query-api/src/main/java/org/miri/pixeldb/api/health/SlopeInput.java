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
import org.miri.pixeldb.health.state.JumpCounts;
import org.postgresql.PGStatement;

/**
 * The input of the health rules for one exposure, read from its loaded slope product: RATEINTS where there is one
 * (a slope per integration), else RATE (one plane), else the quick-look slopes of its raw ramps (QUICKLOOK). Strips are read as stored (big-endian float32 SCI, uint32 DQ),
 * not through {@code slope_v}, which would decode every pixel in SQL. Where the exposure's RAMP product is loaded too,
 * its GROUPDQ gives each pixel's mean jumps per integration (JUMPY); only that column of its strips is read.
 *
 * @param versions the product versions read
 */
record SlopeInput(Versions versions, ExposureSlopes slopes) {

    /**
     * Which loaded product versions an evaluation of the exposure reads, known before any strip is read.
     *
     * @param kind RATEINTS, RATE or QUICKLOOK
     * @param rampProductId the RAMP product the jump counts come from; null without one
     */
    record Versions(int exposureId, int productId, String kind, Integer rampProductId, int ngroups, DetectorGrid grid) {
    }

    private static final String VERSIONS = "select e.id, p.id, p.kind, (select r.id from product r"
            + " where r.exposure_id = e.id and r.kind = 'RAMP' and r.state = 'LOADED'), e.ngroups, e.substrt1,"
            + " e.substrt2, e.subsize1, e.subsize2 from exposure e join product p on p.exposure_id = e.id"
            + " and p.state = 'LOADED' and p.kind in ('RATEINTS', 'RATE', 'QUICKLOOK') where e.name = ?"
            + " order by array_position(array['RATEINTS', 'RATE', 'QUICKLOOK'], p.kind) limit 1";
    private static final String STRIPS = strips("sci, dq", "slope_strip");
    private static final String GROUPDQ = strips("groupdq", "corrected_ramp_strip");
    // Counted by the corrected writer at load (V15); a RAMP product loaded before has none.
    private static final String JUMP_BLOCKS = "select integration, first_row, nrows, first_col, ncols, jumps"
            + " from jump_count_block where product_id = ?";

    /** A product version's strips, each with its place (integration, row, first column, columns) and its values. */
    private static String strips(String values, String table) {
        return "select integration, row, first_col, ncols, " + values + " from " + table + " where product_id = ?";
    }

    /** The versions an evaluation would read, or empty while the exposure has no loaded slope product. */
    static Optional<Versions> versions(Connection connection, String exposure) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VERSIONS)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Versions(rs.getInt(1), rs.getInt(2), rs.getString(3), (Integer) rs.getObject(4),
                        rs.getInt(5), DetectorGrid.fromSubarray(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))));
            }
        }
    }

    /** The slopes of those versions, and the jump counts where a RAMP product is loaded. */
    static SlopeInput read(Connection connection, Versions versions) throws SQLException {
        DetectorGrid grid = versions.grid();
        List<IntegrationSlopes> planes = planes(connection, versions.productId(), grid);
        if (versions.rampProductId() == null) {
            return new SlopeInput(versions, ExposureSlopes.of(grid, planes));
        }
        float[] jumps = jumps(connection, versions.rampProductId(), versions.ngroups(), grid);
        return new SlopeInput(versions, ExposureSlopes.withJumps(grid, planes, jumps));
    }

    /** The planes in integration order, each made when its first strip comes (RATE's one plane is integration 0). */
    private static List<IntegrationSlopes> planes(Connection connection, int productId, DetectorGrid grid)
            throws SQLException {
        SortedMap<Integer, IntegrationSlopes> integrations = new TreeMap<>();
        try (PreparedStatement query = strips(connection, STRIPS, productId)) {
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    IntegrationSlopes plane = integrations.computeIfAbsent(rs.getInt(1), i -> empty(grid));
                    int start = (rs.getInt(2) - grid.firstRow()) * grid.cols() + rs.getInt(3) - grid.firstCol();
                    ByteBuffer sci = ByteBuffer.wrap(rs.getBytes(5));
                    ByteBuffer dq = ByteBuffer.wrap(rs.getBytes(6));
                    int cols = rs.getInt(4);
                    for (int x = 0; x < cols; x++) {
                        plane.slopes()[start + x] = sci.getFloat(4 * x);
                        plane.dq()[start + x] = dq.getInt(4 * x);
                    }
                }
            }
        }
        return new ArrayList<>(integrations.values());
    }

    /**
     * Mean JUMP_DET groups per integration of every pixel: from the writer's counts (a few hundred rows for a full
     * frame), else from GROUPDQ (105 MB for a full frame 5 x 20).
     */
    private static float[] jumps(Connection connection, int rampProductId, int ngroups, DetectorGrid grid)
            throws SQLException {
        JumpCounts.Tally tally = new JumpCounts.Tally(grid.pixels());
        int integrations = countedJumps(connection, rampProductId, grid, tally);
        if (integrations == 0) {
            integrations = groupDqJumps(connection, rampProductId, ngroups, grid, tally);
        }
        return tally.meanPerIntegration(Math.max(1, integrations));
    }

    /** Adds the writer's per-pixel counts (row-major blocks of uint16) to the tally; returns the integrations seen. */
    private static int countedJumps(Connection connection, int rampProductId, DetectorGrid grid, JumpCounts.Tally tally)
            throws SQLException {
        java.util.Set<Integer> integrations = new java.util.HashSet<>();
        try (PreparedStatement query = strips(connection, JUMP_BLOCKS, rampProductId);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                integrations.add(rs.getInt(1));
                ByteBuffer counts = ByteBuffer.wrap(rs.getBytes(6));
                int rows = rs.getInt(3);
                int cols = rs.getInt(5);
                for (int y = 0; y < rows; y++) {
                    int start = (rs.getInt(2) + y - grid.firstRow()) * grid.cols() + rs.getInt(4) - grid.firstCol();
                    for (int x = 0; x < cols; x++) {
                        tally.jumps(start + x, Short.toUnsignedInt(counts.getShort(2 * (y * cols + x))));
                    }
                }
            }
        }
        return integrations.size();
    }

    /** Adds the GROUPDQ strips' jumps (each strip holds its pixels' groups together); returns the integrations seen. */
    private static int groupDqJumps(Connection connection, int rampProductId, int ngroups, DetectorGrid grid,
            JumpCounts.Tally tally) throws SQLException {
        java.util.Set<Integer> integrations = new java.util.HashSet<>();
        try (PreparedStatement query = strips(connection, GROUPDQ, rampProductId);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                integrations.add(rs.getInt(1));
                int start = (rs.getInt(2) - grid.firstRow()) * grid.cols() + rs.getInt(3) - grid.firstCol();
                byte[] groupdq = rs.getBytes(5);
                for (int i = 0; i < groupdq.length; i++) {
                    tally.group(start + i / ngroups, groupdq[i]);
                }
            }
        }
        return integrations.size();
    }

    /**
     * A query of one product's strips, read a few hundred rows at a time and with its bytes in binary from the first
     * execution (in text they travel hex-encoded, twice the size, and are decoded).
     */
    static PreparedStatement strips(Connection connection, String sql, int productId) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            query.setInt(1, productId);
            query.setFetchSize(256);
            query.unwrap(PGStatement.class).setPrepareThreshold(-1);
            return query;
        } catch (SQLException | RuntimeException e) {
            query.close();
            throw e;
        }
    }

    /** A pixel without a stored value is not considered: NaN, as the rules treat a NaN slope. */
    private static IntegrationSlopes empty(DetectorGrid grid) {
        float[] slopes = new float[grid.pixels()];
        Arrays.fill(slopes, Float.NaN);
        return new IntegrationSlopes(slopes, new int[grid.pixels()]);
    }
}
