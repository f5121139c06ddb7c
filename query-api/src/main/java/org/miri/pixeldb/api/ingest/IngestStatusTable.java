package org.miri.pixeldb.api.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;

/**
 * Copies every status change into table {@code ingest_status} (a row per object of the product), which
 * every query-api instance reads, except the objects received before their exposure was last deleted: the
 * topology's store still holds them, but their rows were deleted with the exposure.
 * The topology delivers at least once and instances hand partitions over, so an older revision never
 * overwrites a newer one.
 */
final class IngestStatusTable {

    private static final String UPSERT = "insert into ingest_status (exposure_name, product_kind, state, reason,"
            + " object_key, etag, product_checksum, chunk_count, chunks_loaded, ramp_count, ramps_loaded, received_at,"
            + " first_chunk_at, split_at, loaded_at, ended_at, revision) select ?::text, ?::text, ?::text,"
            // Typed, since a parameter of a select list has no column to take its type from.
            + " ?::text, ?::text, ?::text, ?::text, ?::integer, ?::integer, ?::bigint, ?::bigint, ?::timestamptz,"
            + " ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::bigint"
            // An attempt received before its exposure was deleted is of the deleted load (migration V10).
            + " where not exists (select 1 from ingest_status_deletion d where d.exposure_name = ?::text and d.deleted_at > ?::timestamptz)"
            + " on conflict (exposure_name, product_kind, object_key) do update set state = excluded.state, reason = excluded.reason,"
            + " object_key = excluded.object_key, etag = excluded.etag, product_checksum = excluded.product_checksum,"
            + " chunk_count = excluded.chunk_count, chunks_loaded = excluded.chunks_loaded, ramp_count = excluded.ramp_count,"
            + " ramps_loaded = excluded.ramps_loaded, received_at = excluded.received_at,"
            + " first_chunk_at = excluded.first_chunk_at, split_at = excluded.split_at, loaded_at = excluded.loaded_at,"
            + " ended_at = excluded.ended_at, revision = excluded.revision, updated_at = now()"
            + " where ingest_status.revision < excluded.revision";

    private final DataSource dataSource;

    IngestStatusTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row per object of the product. */
    void upsert(IngestStatus s) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (ObjectStatus o : s.getObjects()) {
                Object[] values = {s.getExposure(), s.getProduct().name(), o.getState().name(), o.getReason(),
                    o.getObjectKey(), o.getEtag(), o.getProductChecksum(), o.getChunkCount(), o.getChunksLoaded(),
                    o.getRampCount(), o.getRampsLoaded(), o.getReceivedAt(), o.getFirstChunkAt(), o.getSplitAt(),
                    o.getLoadedAt(), o.getEndedAt(), s.getRevision(), s.getExposure(), o.getReceivedAt()};
                for (int i = 0; i < values.length; i++) {
                    bind(upsert, i + 1, values[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            // The stream thread dies and is replaced; the status is computed again from the last commit.
            throw new IllegalStateException("could not store the ingest status of " + s.getExposure() + "/"
                    + s.getProduct() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else {
            statement.setObject(index, value);
        }
    }
}
