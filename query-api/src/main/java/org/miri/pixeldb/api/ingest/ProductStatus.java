package org.miri.pixeldb.api.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one product of one exposure stands, as the API returns it: state, chunks loaded of the chunk
 * count, the reason of a rejection or failure (or the writer's note on a loaded file), and when each state
 * began ({@code transitions}).
 */
public record ProductStatus(String exposure, String product, String state, int chunksLoaded, Integer chunkCount,
                            long rampsLoaded, Long rampCount, String reason, String objectKey, String productChecksum,
                            Map<String, Instant> transitions, Instant updatedAt) {

    static final String COLUMNS = "id, exposure_name, product_kind, state, reason, object_key, product_checksum,"
            + " chunk_count, chunks_loaded, ramp_count, ramps_loaded, received_at, first_chunk_at, split_at, loaded_at,"
            + " ended_at, updated_at";

    static ProductStatus of(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        Instant splitAt = instant(rs, "split_at");
        Instant firstChunkAt = instant(rs, "first_chunk_at");
        Map<String, Instant> transitions = new LinkedHashMap<>();
        transitions.put("RECEIVED", instant(rs, "received_at"));
        // Chunks loaded before the manifest: the writers kept pace with the splitter.
        transitions.put("SPLITTING", firstChunkAt != null && (splitAt == null || firstChunkAt.isBefore(splitAt))
                ? firstChunkAt : null);
        transitions.put("LOADING", splitAt);
        transitions.put("LOADED", instant(rs, "loaded_at"));
        transitions.put(state.equals("FAILED") ? "FAILED" : "REJECTED", instant(rs, "ended_at"));
        transitions.values().removeIf(java.util.Objects::isNull);
        return new ProductStatus(rs.getString("exposure_name"), rs.getString("product_kind"), state,
                rs.getInt("chunks_loaded"), (Integer) rs.getObject("chunk_count"), rs.getLong("ramps_loaded"),
                (Long) rs.getObject("ramp_count"), rs.getString("reason"), rs.getString("object_key"),
                rs.getString("product_checksum"), transitions, instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
