package org.miri.pixeldb.api.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.schemas.ExportPart;

/** Tables export_job and export_part (migration V16): a job as submitted, its parts as folded, its removal. */
@ApplicationScoped
public class ExportRepository {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    Database database;

    @Inject
    ApiConfig config;

    /** Stores the job and its parts, QUEUED, in one transaction, before any part is published. */
    public void insert(UUID id, String selection, List<String> products, ExportPlan plan, List<ExportPart> parts,
            String requestedBy) throws SQLException {
        try (Connection db = database.write(config.statementTimeout())) {
            try (PreparedStatement job = db.prepareStatement("insert into export_job (id, selection, products, exposures,"
                    + " parts, priced_rows, priced_bytes, requested_by, skipped) values (?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                job.setObject(1, id);
                job.setString(2, selection);
                job.setArray(3, db.createArrayOf("text", products.toArray()));
                job.setInt(4, plan.exposures());
                job.setInt(5, parts.size());
                job.setLong(6, plan.rows());
                job.setLong(7, plan.bytes());
                job.setString(8, requestedBy);
                job.setString(9, JSON.writeValueAsString(plan.skipped()));
                job.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            try (PreparedStatement part = db.prepareStatement("insert into export_part (job_id, part_index, exposure,"
                    + " product, file_name, object_key, priced_rows) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < parts.size(); i++) {
                    ExportPart p = parts.get(i);
                    part.setObject(1, id);
                    part.setInt(2, p.getPartIndex());
                    part.setString(3, p.getExposure());
                    part.setString(4, p.getProduct().name());
                    part.setString(5, p.getFileName());
                    part.setString(6, p.getObjectKey());
                    part.setLong(7, plan.parts().get(i).rows());
                    part.addBatch();
                }
                part.executeBatch();
            }
            db.commit();
        }
    }

    public Optional<ExportJob> find(UUID id) throws SQLException {
        try (Connection db = database.read()) {
            return ExportJobReader.read(db, id);
        }
    }

    /** Marks a job cancelled (exporters skip its remaining parts); false when it is unknown. */
    public boolean cancel(UUID id) throws SQLException {
        return change(id, "update export_job set cancelled_at = coalesce(cancelled_at, now()) where id = ?");
    }

    /** Records why the job's parts could not be published: the job is FAILED. */
    public void publishFailed(UUID id, String reason) throws SQLException {
        try (Connection db = database.write(config.statementTimeout());
                PreparedStatement statement = db.prepareStatement("update export_job set publish_failed = ? where id = ?")) {
            statement.setString(1, reason);
            statement.setObject(2, id);
            statement.executeUpdate();
            db.commit();
        }
    }

    /** Deletes the job and its parts' rows (their files are deleted by the caller first). */
    public boolean delete(UUID id) throws SQLException {
        return change(id, "delete from export_job where id = ?");
    }

    private boolean change(UUID id, String sql) throws SQLException {
        try (Connection db = database.write(config.statementTimeout());
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            boolean changed = statement.executeUpdate() == 1;
            db.commit();
            return changed;
        }
    }
}
