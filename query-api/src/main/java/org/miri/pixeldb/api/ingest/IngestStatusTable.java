package org.miri.pixeldb.api.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.ProductIngestState;

/**
 * Writes every status change into the files' rows of {@code ingest_log}, the one store of the ingest status (V12,
 * decision 0015), which every query-api instance reads through the view {@code ingest_status}. The writers write the
 * same rows in their load transactions and own the verdicts (LOADED, REJECTED, FAILED, with reason and time); the
 * topology adds its progress (chunks, ramps, SPLITTING before the manifest, split time) and moves a file's state only
 * further among RECEIVED, SPLITTING and LOADING ({@code file_state_rank}). A row of a deleted
 * load is started afresh, and an attempt received before its exposure was last deleted is of the deleted load and
 * skipped (the topology's store still holds it). The topology delivers at least once and instances hand partitions
 * over, so an older revision never overwrites a newer one.
 */
final class IngestStatusTable {

    private static final String RESTART = "file_of_deleted_load(ingest_log.exposure_name, ingest_log.received_at)";
    private static final String SETTLED_LOADED = "ingest_log.state = 'LOADED' and not " + RESTART;
    private static final String UPSERT = "insert into ingest_log (bucket, object_key, etag, exposure_name, product_kind,"
            + " state, product_checksum, chunk_count, chunks_loaded, ramp_count, ramps_loaded, received_at,"
            + " first_chunk_at, split_at, revision) select ?::text, ?::text, ?::text, ?::text, ?::text, ?::text,"
            // Typed, since a parameter of a select list has no column to take its type from.
            + " ?::text, ?::integer, ?::integer, ?::bigint, ?::bigint, coalesce(?::timestamptz, now()), ?::timestamptz,"
            + " ?::timestamptz, ?::bigint"
            // An attempt received before its exposure was deleted is of the deleted load (migrations V10, V12).
            + " where not file_of_deleted_load(?::text, ?::timestamptz)"
            + " on conflict (bucket, object_key, etag) do update set"
            + " exposure_name = coalesce(ingest_log.exposure_name, excluded.exposure_name),"
            + " product_kind = coalesce(ingest_log.product_kind, excluded.product_kind),"
            + " product_checksum = coalesce(ingest_log.product_checksum, excluded.product_checksum),"
            + " state = case when " + RESTART + " or file_state_rank(excluded.state) > file_state_rank(ingest_log.state)"
            + " then excluded.state else ingest_log.state end,"
            + " reason = case when " + RESTART + " then null else ingest_log.reason end,"
            + " loaded_at = case when " + RESTART + " then null else ingest_log.loaded_at end,"
            + " ended_at = case when " + RESTART + " then null else ingest_log.ended_at end,"
            + " chunk_count = excluded.chunk_count,"
            // The writers' LOADED says every chunk is in; acknowledgements folded later must not count it down.
            + " chunks_loaded = case when " + SETTLED_LOADED + " then greatest(ingest_log.chunks_loaded,"
            + " coalesce(excluded.chunk_count, excluded.chunks_loaded)) else excluded.chunks_loaded end,"
            + " ramp_count = excluded.ramp_count,"
            + " ramps_loaded = case when " + SETTLED_LOADED + " then greatest(ingest_log.ramps_loaded,"
            + " coalesce(excluded.ramp_count, excluded.ramps_loaded)) else excluded.ramps_loaded end,"
            + " first_chunk_at = excluded.first_chunk_at, split_at = excluded.split_at,"
            + " received_at = case when " + RESTART + " then excluded.received_at"
            + " else least(ingest_log.received_at, excluded.received_at) end,"
            + " revision = excluded.revision, updated_at = now()"
            + " where ingest_log.revision is null or ingest_log.revision < excluded.revision or " + RESTART;

    private final DataSource dataSource;

    IngestStatusTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row of each object of the product (its latest version). */
    void upsert(IngestStatus s) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            // In the writers' order (ProductLoadHandler): two objects of one product upserted in opposite orders by the
            // fold and a writer deadlocked, each time costing a second (2026-12-06).
            List<ObjectStatus> objects = new ArrayList<>(s.getObjects());
            objects.sort(Comparator.comparing(ObjectStatus::getObjectKey).thenComparing(o -> String.valueOf(o.getEtag())));
            for (ObjectStatus o : objects) {
                ObjectKey key = ObjectKey.parse(o.getObjectKey());
                Object[] values = {key.bucket(), key.key(), o.getEtag(), s.getExposure(), s.getProduct().name(),
                    progress(o.getState()), o.getProductChecksum(), o.getChunkCount(), o.getChunksLoaded(),
                    o.getRampCount(), o.getRampsLoaded(), o.getReceivedAt(), o.getFirstChunkAt(), o.getSplitAt(),
                    s.getRevision(), s.getExposure(), o.getReceivedAt()};
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

    /**
     * The state the fold may write: how far the file has come (RECEIVED, SPLITTING, LOADING). A verdict (LOADED,
     * REJECTED, FAILED) is the writers' own, written in the transaction that decides it; the fold derives it later
     * from acknowledgements and may derive it from an old version's (a refusal of a version dropped again).
     */
    private static String progress(ProductIngestState state) {
        return switch (state) {
            case RECEIVED, SPLITTING, LOADING -> state.name();
            default -> ProductIngestState.RECEIVED.name();
        };
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
