package org.miri.pixeldb.api.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.miri.pixeldb.health.slope.QuickLookSlope;
import org.miri.pixeldb.health.slope.RampWindow;

/**
 * The QUICKLOOK product of an exposure's loaded RAW product version (issue 14, item 1; migration V14): every raw ramp
 * fitted by health-core's {@link QuickLookSlope} and stored in {@code slope_strip} like a RATEINTS, one plane per
 * integration, so that every reader of slopes serves it. Made once per RAW version, in the caller's transaction; a
 * changed uncal file replaces the RAW version and the cascade takes the old quick-look slopes along.
 */
final class QuickLookProduct {

    private static final String UNFITTED_RAW = " from product r join exposure e"
            + " on e.id = r.exposure_id where e.name = ? and r.kind = 'RAW' and r.state = 'LOADED'"
            + " and not exists (select from product q where q.derived_from = r.id)"
            // Only where the pipeline's slopes are not loaded: health reads those, and the fit is seconds of CPU.
            + " and not exists (select from product s where s.exposure_id = e.id and s.kind in ('RATEINTS', 'RATE')"
            + " and s.state = 'LOADED')";
    private static final String PENDING = "select r.id, e.ngroups, e.tgroup" + UNFITTED_RAW;
    private static final String LOADED_FOR = "select extract(epoch from now() - r.loaded_at)" + UNFITTED_RAW;
    // The RAW file's source and checksum: the quick-look slopes are that file's, computed here (header QL_*).
    private static final String INSERT = "insert into product (exposure_id, kind, checksum, derived_from, source_bucket,"
            + " source_key, source_etag, source_size, source_last_modified, split_at, header, steps, reference_files,"
            + " chunk_count, chunks_loaded, state, loaded_at) select exposure_id, 'QUICKLOOK', checksum, id,"
            + " source_bucket, source_key, source_etag, source_size, source_last_modified, split_at, ?::jsonb,"
            + " '{\"QUICKLOOK\": \"COMPLETE\"}', '{}', 1, 1, 'LOADED', now() from product where id = ? returning id";

    private QuickLookProduct() {
    }

    /**
     * Stores the quick-look slopes of the exposure's loaded RAW version unless they are stored already.
     *
     * @return the new product's id; empty when there is no loaded RAW version, it has its slopes, or the exposure
     *     has no TGROUP to turn groups into seconds
     */
    static Optional<Integer> store(Connection tx, String exposure) throws SQLException {
        int rawProductId;
        int ngroups;
        double tgroup;
        try (PreparedStatement query = tx.prepareStatement(PENDING)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                rawProductId = rs.getInt(1);
                ngroups = rs.getInt(2);
                tgroup = rs.getDouble(3);
                if (rs.wasNull() || !(tgroup > 0) || Double.isInfinite(tgroup)) {
                    return Optional.empty();
                }
            }
        }
        QuickLookSlope fit = new QuickLookSlope(ngroups, tgroup);
        int productId = register(tx, rawProductId, provenance(fit.window(), tgroup));
        QuickLookStrips.write(tx, rawProductId, productId, fit);
        return Optional.of(productId);
    }

    /**
     * How much longer the exposure's loaded RAW version waits for its pipeline slopes before it gets quick-look slopes
     * (see {@code pixeldb.api.health-quick-look-delay}); empty when it has waited {@code delay} or nothing waits.
     */
    static Optional<Duration> wait(Connection connection, String exposure, Duration delay) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LOADED_FOR)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Duration left = delay.minusMillis(Math.round(rs.getDouble(1) * 1000));
                return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
            }
        }
    }

    private static int register(Connection tx, int rawProductId, String header) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement(INSERT)) {
            insert.setString(1, header);
            insert.setInt(2, rawProductId);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** How the slopes were made, as header cards like a pipeline product's ({keyword, value, comment}). */
    static String provenance(RampWindow window, double tgroup) {
        return "[" + card("QL_ALGO", "OLS", "ordinary least squares of DN against group x TGROUP")
                + "," + card("QL_GRP1", Integer.toString(window.first() + 1), "first group used, 1-based")
                + "," + card("QL_GRPN", Integer.toString(window.last() + 1), "last group used, 1-based")
                + "," + card("QL_SATDN", Integer.toString(QuickLookSlope.SATURATION_DN), "samples >= this DN left out")
                + "," + card("TGROUP", Double.toString(tgroup), "seconds between groups, from the exposure")
                + "," + card("QL_UNITS", "DN/s", "SCI units; ERR, VAR_POISSON and VAR_RNOISE are NaN") + "]";
    }

    private static String card(String keyword, String value, String comment) {
        return "{\"keyword\": \"" + keyword + "\", \"value\": \"" + value + "\", \"comment\": \"" + comment + "\"}";
    }
}
