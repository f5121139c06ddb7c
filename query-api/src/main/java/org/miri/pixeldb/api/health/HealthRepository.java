package org.miri.pixeldb.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.db.SqlQuery;
import org.miri.pixeldb.health.state.PixelState;
import org.miri.pixeldb.model.Detector;
import org.miri.pixeldb.model.FrameGeometry;

/** Reads the health tables (V13) for the REST endpoints. */
@ApplicationScoped
public class HealthRepository {

    private static final String EXPOSURE = "select e.id, e.sca_id, e.date_obs, e.readpatt, h.product_kind,"
            + " h.integrations, h.considered, h.jumps_evaluated, h.evaluated_at, h.hot, h.warm, h.dead, h.noisy,"
            + " h.jumpy from exposure e left join exposure_health h on h.exposure_id = e.id where e.name = ?";
    private static final String PIXEL_COLUMNS = "states, hot_fraction, warm_fraction, dead_fraction, noise,"
            + " mean_jumps";
    private static final String HISTORY = "select e.name, e.date_obs, e.readpatt, h.product_kind, p." + PIXEL_COLUMNS
            .replace(", ", ", p.") + " from exposure e join exposure_health h on h.exposure_id = e.id"
            + " left join pixel_health p on p.exposure_id = e.id and p.row = ? and p.col = ?"
            + " where e.sca_id = ? and ? between e.substrt2 and e.substrt2 + e.subsize2 - 1"
            + " and ? between e.substrt1 and e.substrt1 + e.subsize1 - 1"
            + " order by e.date_obs nulls last, e.name limit ?";

    private static final String TRENDS = "select page.name, page.date_obs, page.readpatt, page.product_kind, page.id,"
            + " a.integration, a.amplifier, a.median, a.std, a.pixels, a.hot, a.warm, a.dead, a.noisy, a.jumpy from (%s)"
            + " page join amplifier_health a on a.exposure_id = page.id"
            + " order by page.date_obs, page.id, a.integration, a.amplifier";

    @Inject
    Database database;

    /** What is known of an exposure's health; its {@code exposureId} is null when no such exposure exists. */
    record Summary(String name, Integer exposureId, int scaId, Instant dateObs, String readpatt, String product, int integrations,
            int considered, boolean jumpsEvaluated, Instant evaluatedAt, Map<String, Integer> counts) {

        boolean evaluated() {
            return product != null;
        }
    }

    /** The exposure's subarray, full-frame and 1-based. */
    MaskComparison.Region footprint(int exposureId) throws SQLException {
        try (Connection connection = database.read(); PreparedStatement query = connection.prepareStatement(
                "select substrt2, substrt2 + subsize2 - 1, substrt1, substrt1 + subsize1 - 1 from exposure where id = ?")) {
            query.setInt(1, exposureId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new MaskComparison.Region(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
            }
        }
    }

    Summary summary(String exposure) throws SQLException {
        try (Connection connection = database.read(); PreparedStatement query = connection.prepareStatement(EXPOSURE)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return new Summary(exposure, null, 0, null, null, null, 0, 0, false, null, Map.of());
                }
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (PixelState state : PixelState.values()) {
                    counts.put(state.name(), rs.getInt(state.name().toLowerCase()));
                }
                return new Summary(exposure, rs.getInt(1), rs.getInt(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getBoolean(8), instant(rs, 9), counts);
            }
        }
    }

    /** Flagged pixels after ({@code afterRow}, {@code afterCol}) in row, column order; {@code limit + 1} at most. */
    List<ExposureHealthPage.Pixel> pixels(int exposureId, List<String> states, int afterRow, int afterCol, int limit)
            throws SQLException {
        SqlQuery query = new SqlQuery().append("select row, col, integrations, illuminated, " + PIXEL_COLUMNS
                + " from pixel_health where exposure_id = ? and (row, col) > (?, ?)", exposureId, afterRow, afterCol);
        if (!states.isEmpty()) {
            query.append(" and states && ?::text[]", (Object) states.toArray(String[]::new));
        }
        query.append(" order by row, col limit ?", limit + 1);
        try (Connection connection = database.read(); PreparedStatement statement = query.prepare(connection);
             ResultSet rs = statement.executeQuery()) {
            List<ExposureHealthPage.Pixel> pixels = new ArrayList<>();
            while (rs.next()) {
                int row = rs.getInt(1);
                int col = rs.getInt(2);
                pixels.add(new ExposureHealthPage.Pixel(row, col, FrameGeometry.pixelId(row, col), states(rs, 5),
                        rs.getInt(3), real(rs, 6), real(rs, 7), rs.getInt(4), real(rs, 8), real(rs, 9), real(rs, 10)));
            }
            return pixels;
        }
    }

    /** The exposure's pixel-state changes ({@link HealthChanges}), by row and column. */
    List<HealthChangePage.Change> changes(String exposure) throws SQLException {
        try (Connection connection = database.read()) {
            return HealthChanges.of(connection, exposure).stream().map(c -> new HealthChangePage.Change(c.getRow(),
                    c.getCol(), c.getStates(), c.getPreviousExposure(), c.getPreviousStates())).toList();
        }
    }

    List<PixelHealthHistory.Entry> history(Detector detector, int row, int col, int limit) throws SQLException {
        try (Connection connection = database.read(); PreparedStatement query = connection.prepareStatement(HISTORY)) {
            Object[] values = {row, col, detector.scaId(), row, col, limit};
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                List<PixelHealthHistory.Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new PixelHealthHistory.Entry(rs.getString(1), instant(rs, 2), rs.getString(3),
                            rs.getString(4), states(rs, 5), real(rs, 6), real(rs, 7), real(rs, 8), real(rs, 9),
                            real(rs, 10)));
                }
                return entries;
            }
        }
    }

    /**
     * The trends of at most {@code limit + 1} evaluated exposures of the detector with a DATE-OBS, oldest first, after
     * the position ({@code afterDate}, {@code afterId}) when given.
     */
    List<AmplifierTrends.Exposure> trends(Detector detector, Instant from, Instant to, String readpatt,
            Instant afterDate, Long afterId, int limit) throws SQLException {
        SqlQuery page = new SqlQuery().append("select e.id, e.name, e.date_obs, e.readpatt, h.product_kind from exposure"
                + " e join exposure_health h on h.exposure_id = e.id where e.sca_id = ? and e.date_obs is not null",
                detector.scaId());
        if (from != null) {
            page.append(" and e.date_obs >= ?", java.sql.Timestamp.from(from));
        }
        if (to != null) {
            page.append(" and e.date_obs <= ?", java.sql.Timestamp.from(to));
        }
        if (readpatt != null) {
            page.append(" and e.readpatt = ?", readpatt);
        }
        if (afterDate != null) {
            page.append(" and (e.date_obs, e.id) > (?, ?)", java.sql.Timestamp.from(afterDate), afterId);
        }
        page.append(" order by e.date_obs, e.id limit ?", limit + 1);
        SqlQuery query = new SqlQuery().append(String.format(TRENDS, page.sql()), page.values().toArray());
        try (Connection connection = database.read(); PreparedStatement statement = query.prepare(connection);
             ResultSet rs = statement.executeQuery()) {
            Map<Integer, AmplifierTrends.Exposure> exposures = new LinkedHashMap<>();
            while (rs.next()) {
                AmplifierTrends.Exposure exposure = exposures.get(rs.getInt(5));
                if (exposure == null) {
                    exposure = new AmplifierTrends.Exposure(rs.getInt(5), rs.getString(1), instant(rs, 2),
                            rs.getString(3), rs.getString(4), new ArrayList<>());
                    exposures.put(exposure.id(), exposure);
                }
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (PixelState state : PixelState.values()) {
                    counts.put(state.name(), rs.getInt(state.name().toLowerCase()));
                }
                exposure.amplifiers().add(new AmplifierTrends.Amplifier(rs.getInt(7), rs.getInt(6),
                        float32(rs, 8), float32(rs, 9), rs.getInt(10), counts));
            }
            return new ArrayList<>(exposures.values());
        }
    }

    private static List<String> states(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Float real(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * A double column as float32: read as the double it is, then rounded once. The driver's getFloat parses the
     * column's decimal text, which rounds a median halfway between two floats the other way.
     */
    private static Float float32(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : (float) value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
