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
        switch (event.getKind()) {
            case STARTED -> update(db, STARTED, event.getExporter(), at(event), job, event.getPartIndex());
            case DONE -> {
                // A DONE that changes no row: its job was removed (the caller deletes the file).
                return update(db, DONE, event.getExporter(), at(event), orZero(event.getRows()),
                        orZero(event.getBytes()), job, event.getPartIndex(), event.getObjectKey()) == 1 || exists(db, job);
            }
            case FAILED, SKIPPED -> update(db, ENDED, event.getKind().name(), event.getExporter(), at(event),
                    event.getReason(), job, event.getPartIndex());
        }
        return true;
    }

    /** Runs a statement with its values in order. */
    private static int update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Timestamp at(ExportEvent event) {
        return Timestamp.from(event.getAt());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean exists(Connection db, UUID job) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select 1 from export_job where id = ?")) {
            statement.setObject(1, job);
            return statement.executeQuery().next();
        }
    }
}
