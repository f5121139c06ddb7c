package org.miri.pixeldb.stack.apibench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the database brings to a measurement, printed with its figures: its buffer size, whether they sit in huge pages
 * (without them every backend maps gigabytes of buffers page by page, which halved the throughput measured here), and
 * what was read into them beforehand.
 */
public final class DatabaseState {

    // Every relation a pixel's life and its health read: the strip and health tables, product and exposure, and indexes.
    private static final String PIXEL_PATH = "with t as (select oid from pg_class where relname in ('raw_ramp_strip',"
            + " 'corrected_ramp_strip', 'pixeldq_strip', 'slope_strip', 'product', 'exposure', 'exposure_health',"
            + " 'pixel_health'))"
            + " select coalesce(sum(pg_prewarm(r.oid)), 0) * current_setting('block_size')::bigint from (select oid"
            + " from t union select indexrelid from pg_index where indrelid in (select oid from t)) r";

    private DatabaseState() {
    }

    /** E.g. "shared_buffers 4GB, huge pages on". */
    public static String describe(Connection db) throws SQLException {
        return "shared_buffers " + setting(db, "shared_buffers") + ", huge pages " + setting(db, "huge_pages_status");
    }

    /** How to give PostgreSQL huge pages when it runs without them (it takes them by itself: huge_pages=try). */
    public static java.util.Optional<String> hugePagesAdvice(Connection db) throws SQLException {
        if (!setting(db, "huge_pages_status").equals("off")) {
            return java.util.Optional.empty();
        }
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "select ceil(setting::bigint * current_setting('block_size')::bigint * 1.05 / 2097152)"
                        + " from pg_settings where name = 'shared_buffers'")) {
            rs.next();
            return java.util.Optional.of("huge pages are off: as root, sysctl -w vm.nr_hugepages=" + rs.getLong(1)
                    + " (2 MB pages for the buffers and 5 % more), then ./pixeldb restart postgres; they doubled the"
                    + " throughput measured here (docs/performance.md)");
        }
    }

    /**
     * Reads the pixel path's tables and indexes into shared buffers (pg_prewarm, shipped with PostgreSQL), so that the
     * measurement is of a server in its steady state rather than of its first reads.
     *
     * @return the bytes read, or a message saying why nothing was
     */
    public static String prewarm(Connection db) {
        try (Statement statement = db.createStatement()) {
            statement.execute("create extension if not exists pg_prewarm");
            try (ResultSet rs = statement.executeQuery(PIXEL_PATH)) {
                rs.next();
                return String.format("%.0f MB of the pixel path's tables and indexes read into shared buffers",
                        rs.getLong(1) / 1048576.0);
            }
        } catch (SQLException e) {
            return "no prewarm (" + e.getMessage() + ")";
        }
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
