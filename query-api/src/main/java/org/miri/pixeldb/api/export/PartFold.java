package org.miri.pixeldb.api.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.miri.pixeldb.schemas.ExportEvent;

/**
 * One exporter event applied to its part's row. DONE is final (a part written again after a crash reports the same
 * key and its own rows and bytes); STARTED never takes a part back from DONE, FAILED or SKIPPED; FAILED and
 * SKIPPED never override DONE. So the row ends the same whatever the order and repetition of the events.
 */
final class PartFold {

    private static final String STARTED = "update export_part set state = 'RUNNING', exporter = ?, updated_at = ?"
            + " where job_id = ? and part_index = ? and state = 'QUEUED'";
    private static final String DONE = "update export_part set state = 'DONE', exporter = ?, updated_at = ?,"
            + " rows = ?, bytes = ?, reason = null where job_id = ? and part_index = ? and object_key = ?";
    private static final String ENDED = "update export_part set state = ?, exporter = ?, updated_at = ?, reason = ?"
            + " where job_id = ? and part_index = ? and state in ('QUEUED', 'RUNNING')";

    private PartFold() {
    }

    /** Applies the event; false when its job is gone (or it names another file than the part's). */
    static boolean apply(Connection db, ExportEvent event) throws SQLException {
        UUID job;
        try {
            job = UUID.fromString(event.getJobId());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String sql = switch (event.getKind()) {
            case STARTED -> STARTED;
            case DONE -> DONE;
            case FAILED, SKIPPED -> ENDED;
        };
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            int i = 1;
            if (sql == ENDED) {
                statement.setString(i++, event.getKind().name());
            }
            statement.setString(i++, event.getExporter());
            statement.setTimestamp(i++, Timestamp.from(event.getAt()));
            if (sql == DONE) {
                statement.setLong(i++, event.getRows() == null ? 0 : event.getRows());
                statement.setLong(i++, event.getBytes() == null ? 0 : event.getBytes());
            } else if (sql == ENDED) {
                statement.setString(i++, event.getReason());
            }
            statement.setObject(i++, job);
            statement.setInt(i++, event.getPartIndex());
            if (sql == DONE) {
                statement.setString(i, event.getObjectKey());
            }
            return statement.executeUpdate() == 1 || sql != DONE || exists(db, job);
        }
    }

    private static boolean exists(Connection db, UUID job) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select 1 from export_job where id = ?")) {
            statement.setObject(1, job);
            return statement.executeQuery().next();
        }
    }
}
