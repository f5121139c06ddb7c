package org.miri.pixeldb.api.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.dq.DqFlagRepository;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.security.TokenHash;
import org.miri.pixeldb.schemas.ExportPart;

/** Submission (check, plan, price, store, publish), lookup, cancellation and removal of export jobs. */
@ApplicationScoped
public class ExportService {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Inject
    ApiConfig config;

    @Inject
    Database database;

    @Inject
    DqFlagRepository flags;

    @Inject
    ExportPlanner planner;

    @Inject
    ExportRepository jobs;

    @Inject
    ExportPublisher publisher;

    @Inject
    ExportFiles files;

    public ExportJob submit(ExportRequest request, String authorization) throws SQLException, InterruptedException {
        ExportSelection selection = ExportSelection.of(request, flags.catalog(), config.exportMaxExposures());
        ExportPlan plan;
        try (Connection db = database.read()) {
            plan = planner.plan(db, selection);
        }
        if (plan.parts().isEmpty()) {
            throw ApiException.badRequest("exposures", "nothing to export: " + plan.skipped().stream().limit(5)
                    .map(s -> s.exposure() + " " + s.product() + ": " + s.reason()).toList());
        }
        if (plan.bytes() > config.exportMaxBytes()) {
            throw new ApiException(413, "exposures", "the export is priced at " + plan.bytes() + " bytes of values ("
                    + plan.rows() + " rows in " + plan.parts().size() + " files), above the limit of "
                    + config.exportMaxBytes() + " (pixeldb.api.export-max-bytes): narrow the selection");
        }
        UUID id = UUID.randomUUID();
        List<ExportPart> parts = ExportParts.of(id, plan, selection, Instant.now());
        jobs.insert(id, json(request), selection.products().stream().map(Enum::name).toList(), plan, parts,
                requester(authorization));
        try {
            publisher.publish(parts);
        } catch (ExecutionException | RuntimeException e) {
            jobs.publishFailed(id, "its parts could not be published to Kafka: " + e.getMessage());
            throw ApiException.busy("exposures", "Kafka did not take the export's parts; the job " + id
                    + " is FAILED: try again", 10);
        }
        return find(id.toString());
    }

    public ExportJob find(String id) throws SQLException {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("id", "no export job '" + id + "' (ids are UUIDs)");
        }
        return jobs.find(uuid).orElseThrow(() -> ApiException.notFound("id", "no export job " + id));
    }

    public ExportJob cancel(UUID id) throws SQLException {
        jobs.cancel(id);
        return find(id.toString());
    }

    /** Deletes the files first: if that fails, the job still lists them and a second DELETE finishes the work. */
    public void remove(UUID id) throws SQLException {
        files.deleteJob(id.toString());
        jobs.delete(id);
    }

    /** Who asked, without the token: its role and the first digits of its hash, enough to tell tokens apart. */
    private static String requester(String authorization) {
        String token = TokenHash.bearer(authorization);
        return token == null ? "unknown" : "token " + TokenHash.of(token).substring(0, 12);
    }

    private static String json(ExportRequest request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
