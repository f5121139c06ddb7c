package org.miri.pixeldb.stack.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a benchmark's exposure became queryable for its detector health: the moment the query API's evaluation of
 * the exposure's final product versions (its best loaded slopes, and its RAMP for jumps) is committed, seen by polling
 * every 50 ms, measured from the last of its products' LOADED. It runs before the bench's own size queries, which
 * scan the products' tables on every core and would hold the evaluation up.
 */
public final class HealthWatch {

    private static final String CURRENT = "select exists (select from exposure_health h join exposure e"
            + " on e.id = h.exposure_id where e.name = ? and h.product_id = (select p.id from product p"
            + " where p.exposure_id = e.id and p.state = 'LOADED' and p.kind in ('RATEINTS', 'RATE', 'QUICKLOOK')"
            + " order by array_position(array['RATEINTS', 'RATE', 'QUICKLOOK'], p.kind) limit 1)"
            + " and h.ramp_product_id is not distinct from (select r.id from product r where r.exposure_id = e.id"
            + " and r.kind = 'RAMP' and r.state = 'LOADED'))";
    private static final String LAST_LOADED = "select max(p.loaded_at) from product p join exposure e"
            + " on e.id = p.exposure_id where e.name = ? and p.derived_from is null and p.state = 'LOADED'";
    private static final long POLL_MILLIS = 50;

    private final Connection db;

    public HealthWatch(Connection db) {
        this.db = db;
    }

    /** @return seconds from the last product's LOADED to the health being queryable; empty when not within timeout */
    public Optional<Double> awaitHealth(String exposure, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!current(exposure)) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
        Instant seen = Instant.now();
        Instant loaded = lastLoaded(exposure);
        return Optional.of(Duration.between(loaded, seen).toMillis() / 1000.0);
    }

    private boolean current(String exposure) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(CURRENT)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Instant lastLoaded(String exposure) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(LAST_LOADED)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
