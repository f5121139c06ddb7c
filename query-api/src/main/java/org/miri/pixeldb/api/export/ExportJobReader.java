package org.miri.pixeldb.api.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads a job and its parts and derives the job's state and progress from them. */
final class ExportJobReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "select products, exposures, parts, priced_rows, priced_bytes, created_at,"
            + " cancelled_at, publish_failed, skipped::text from export_job where id = ?";
    private static final String PARTS = "select part_index, exposure, product, file_name, state, rows, bytes, reason,"
            + " updated_at from export_part where job_id = ? order by part_index";

    private ExportJobReader() {
    }

    static Optional<ExportJob> read(Connection db, UUID id) throws SQLException {
        try (PreparedStatement job = db.prepareStatement(JOB); PreparedStatement parts = db.prepareStatement(PARTS)) {
            job.setObject(1, id);
            parts.setObject(1, id);
            try (ResultSet j = job.executeQuery()) {
                if (!j.next()) {
                    return Optional.empty();
                }
                return Optional.of(derive(id, j, parts));
            }
        }
    }

    private static ExportJob derive(UUID id, ResultSet job, PreparedStatement partQuery) throws SQLException {
        String url = "/api/v1/exports/" + id;
        List<ExportJob.ExportFile> files = new ArrayList<>();
        int done = 0;
        int started = 0;
        long rows = 0;
        long bytes = 0;
        String failure = null;
        Instant last = null;
        try (ResultSet part = partQuery.executeQuery()) {
            while (part.next()) {
                String state = part.getString(5);
                Instant updated = part.getTimestamp(9).toInstant();
                last = last == null || updated.isAfter(last) ? updated : last;
                if (state.equals("DONE")) {
                    done++;
                    rows += part.getLong(6);
                    bytes += part.getLong(7);
                    files.add(new ExportJob.ExportFile(part.getString(4), part.getString(2), part.getString(3),
                            part.getLong(6), part.getLong(7), url + "/files/" + part.getString(4)));
                } else if (state.equals("FAILED") && failure == null) {
                    failure = "part " + part.getInt(1) + " (" + part.getString(4) + "): " + part.getString(8);
                }
                started += state.equals("QUEUED") ? 0 : 1;
            }
        }
        int parts = job.getInt(3);
        ExportJob.State state;
        String reason = null;
        if (job.getString(8) != null) {
            state = ExportJob.State.FAILED;
            reason = job.getString(8);
        } else if (job.getTimestamp(7) != null) {
            state = ExportJob.State.CANCELLED;
            last = job.getTimestamp(7).toInstant();
        } else if (failure != null) {
            state = ExportJob.State.FAILED;
            reason = failure;
        } else if (done == parts) {
            state = ExportJob.State.DONE;
        } else {
            state = started > 0 ? ExportJob.State.RUNNING : ExportJob.State.QUEUED;
        }
        return new ExportJob(id.toString(), state, reason, job.getTimestamp(6).toInstant(), state.finished() ? last : null,
                job.getInt(2), Arrays.asList((String[]) job.getArray(1).getArray()), parts, done, job.getLong(4),
                job.getLong(5), rows, bytes, files, skipped(job.getString(9)), url);
    }

    private static List<ExportPlan.Skipped> skipped(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ExportPlan.Skipped>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("export_job.skipped is not the JSON the API wrote", e);
        }
    }
}
