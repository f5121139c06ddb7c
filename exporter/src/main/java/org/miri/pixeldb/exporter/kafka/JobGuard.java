package org.miri.pixeldb.exporter.kafka;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Whether a part is still wanted: not when its job was cancelled, removed, or has already failed. */
final class JobGuard {

    private static final String SQL = "select j.cancelled_at is not null, j.publish_failed is not null,"
            + " exists (select 1 from export_part p where p.job_id = j.id and p.state = 'FAILED')"
            + " from export_job j where j.id = ?";

    private JobGuard() {
    }

    /** Null when the part is to be written, else why not. */
    static String skipReason(Connection db, String jobId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            return "job id '" + jobId + "' is not a UUID";
        }
        try (PreparedStatement statement = db.prepareStatement(SQL)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return "the job was removed";
                }
                if (rs.getBoolean(1)) {
                    return "the job was cancelled";
                }
                return rs.getBoolean(2) || rs.getBoolean(3) ? "another part of the job failed" : null;
            }
        }
    }
}
