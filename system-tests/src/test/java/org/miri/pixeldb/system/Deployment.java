package org.miri.pixeldb.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * A running system as an end-to-end test sees it, whichever way it was started (the local stack, or
 * the compose file's containers): a bucket to drop files into and the database to read them back
 * from. The assertions after the start are the same for every way.
 */
interface Deployment {

    void upload(String key, Path file);

    Connection database() throws SQLException;

    /** Until the ingest log holds a final state (LOADED, REJECTED, IGNORED) for the object; returns it. */
    default String awaitFinalState(String key) throws InterruptedException {
        return awaitFinalState(key, Duration.ofMinutes(2));
    }

    default String awaitFinalState(String key, Duration timeout) throws InterruptedException {
        String[] state = new String[1];
        RunningStack.await("a final ingest-log entry for " + key, timeout, () -> {
            try (Connection db = database()) {
                Map<String, Object> entry = RunningStack.row(db, "select max(state) state from ingest_log "
                        + "where object_key = ? and state in ('LOADED', 'REJECTED', 'IGNORED')", key);
                state[0] = (String) entry.get("state");
                return state[0] != null;
            } catch (SQLException e) {
                return false;
            }
        });
        return state[0];
    }
}
