package org.miri.pixeldb.stack.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waits, through the ingest log, until an object has reached a final state: the state of the version that was
 * uploaded, when its ETag is known. The log has an entry per ETag, so a changed file dropped under the key of
 * one loaded before would otherwise be reported at once with the old version's LOADED and time.
 */
public final class IngestLogWatch {

    private static final String FINAL_STATE = "select state, coalesce(reason, ''), coalesce(exposure_name, ''), "
            + "extract(epoch from (coalesce(loaded_at, ended_at, updated_at) - received_at)) from ingest_log where object_key = ? "
            + "and state in ('LOADED', 'REJECTED', 'IGNORED', 'FAILED') and (? or etag is not distinct from ?) "
            + "order by updated_at desc limit 1";

    /** @param seconds from the object's arrival at the splitter to its final state */
    public record Outcome(String key, String state, String reason, String exposure, double seconds) {
        public boolean loaded() {
            return "LOADED".equals(state);
        }
    }

    private final Connection db;
    private final Map<String, String> etags;

    /** Reports the latest final entry of a key, whatever its version. */
    public IngestLogWatch(Connection db) {
        this(db, Map.of());
    }

    /** @param etags the ETag each key was uploaded with ({@link BucketUpload#etags()}): only its entry counts */
    public IngestLogWatch(Connection db, Map<String, String> etags) {
        this.db = db;
        this.etags = new HashMap<>(etags);
    }

    public Optional<Outcome> await(String key, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Outcome> outcome = check(key);
            if (outcome.isPresent()) {
                return outcome;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** The object's final state if it has reached one, asked once: for callers that watch several objects. */
    public Optional<Outcome> check(String key) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(FINAL_STATE)) {
            query.setString(1, key);
            query.setBoolean(2, !etags.containsKey(key));
            query.setString(3, etags.get(key));
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    return Optional.of(new Outcome(key, row.getString(1), row.getString(2), row.getString(3),
                            row.getDouble(4)));
                }
            }
        }
        return Optional.empty();
    }
}
