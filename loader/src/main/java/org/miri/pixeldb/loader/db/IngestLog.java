package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * The {@code ingest_log} table: one entry per object version (bucket, key, ETag) the ingest saw, and
 * its state. Notifications are delivered at least once, so recording the same object again returns
 * the entry it already has.
 */
public final class IngestLog {

    private static final String COLUMNS = "id, bucket, object_key, etag, exposure_name, product_kind, state, reason,"
            + " received_at, updated_at";
    // A file of a deleted load that comes again (the same object version dropped anew) starts afresh (V12).
    private static final String RECEIVE = "insert into ingest_log (bucket, object_key, etag, state)"
            + " values (?, ?, ?, 'RECEIVED') on conflict (bucket, object_key, etag) do update set state = 'RECEIVED',"
            + " reason = null, chunk_count = null, chunks_loaded = 0, ramp_count = null, ramps_loaded = 0,"
            + " first_chunk_at = null, split_at = null, loaded_at = null, ended_at = null, received_at = now(),"
            + " updated_at = now() where file_of_deleted_load(ingest_log.exposure_name, ingest_log.received_at)";
    private static final String FIND = "select " + COLUMNS + " from ingest_log"
            + " where bucket = ? and object_key = ? and etag is not distinct from ?";
    /**
     * The new state and reason, and when the file became LOADED or ended otherwise (the first time counts). A LOADED
     * file has every chunk in: its progress says so in the same transaction, not when the topology has folded the
     * last acknowledgements (a reader would see LOADED with 20 of 25 chunks in between).
     */
    private static final String NEW_STATE = "update ingest_log l set state = v.state, reason = v.reason,"
            + " loaded_at = case when v.state = 'LOADED' then coalesce(l.loaded_at, now()) end,"
            + " chunks_loaded = case when v.state = 'LOADED' then coalesce(l.chunk_count, l.chunks_loaded)"
            + " else l.chunks_loaded end,"
            + " ramps_loaded = case when v.state = 'LOADED' then coalesce(l.ramp_count, l.ramps_loaded)"
            + " else l.ramps_loaded end,"
            + " ended_at = case when v.state in ('REJECTED', 'IGNORED', 'FAILED') then coalesce(l.ended_at, now()) end,"
            + " updated_at = now()";
    private static final String UPDATE = NEW_STATE + ", exposure_name = coalesce(?, l.exposure_name),"
            + " product_kind = coalesce(?, l.product_kind), product_checksum = coalesce(?, l.product_checksum)"
            + " from (select ?::text as state, ?::text as reason) v where l.id = ? returning " + prefixed("l.");
    private static final String SETTLE = NEW_STATE + " from (select ?::text as state, ?::text as reason) v"
            + " where l.exposure_name = ? and l.product_kind = ? and l.product_checksum = ?"
            + " and l.state in ('SPLITTING', 'LOADING')";
    /** Locks the product row: a concurrent writer completing the product waits, or is waited for. */
    private static final String PRODUCT_LOADED = "select p.state = 'LOADED' from product p join exposure e"
            + " on e.id = p.exposure_id where e.name = ? and p.kind = ? and p.checksum = ? for update of p";

    /** Records that an object version was seen (if it was not already) and returns its entry. */
    public IngestEntry received(Connection connection, String bucket, String key, String etag) throws SQLException {
        try (PreparedStatement receive = connection.prepareStatement(RECEIVE)) {
            receive.setString(1, bucket);
            receive.setString(2, key);
            receive.setString(3, etag);
            receive.executeUpdate();
        }
        return find(connection, bucket, key, etag).orElseThrow();
    }

    public Optional<IngestEntry> find(Connection connection, String bucket, String key, String etag)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, bucket);
            find.setString(2, key);
            find.setString(3, etag);
            return read(find);
        }
    }

    /**
     * Moves an entry to a new state with its reason (null when there is nothing to explain); exposure name
     * and product kind are filled in when given and kept when null. Returns the entry as it now is.
     */
    public IngestEntry update(Connection connection, long id, FileState state, String reason, String exposureName,
                              ProductKind kind) throws SQLException {
        return update(connection, id, state, reason, exposureName, kind, null);
    }

    /** As {@link #update(Connection, long, FileState, String, String, ProductKind)}, recording the product version. */
    public IngestEntry update(Connection connection, long id, FileState state, String reason, String exposureName,
                              ProductKind kind, String checksum) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setString(1, exposureName);
            update.setString(2, kind == null ? null : kind.name());
            update.setString(3, checksum);
            update.setString(4, state.name());
            update.setString(5, reason);
            update.setLong(6, id);
            return read(update).orElseThrow(() -> new IllegalArgumentException("no ingest_log entry " + id));
        }
    }

    /** The objects that became this product version and await its load are LOADED now. */
    public void loaded(Connection connection, String exposure, ProductKind kind, String checksum) throws SQLException {
        settle(connection, FileState.LOADED, null, exposure, kind, checksum);
    }

    /** The objects that became this product version and await its load are REJECTED, with the reason. */
    public void rejected(Connection connection, String exposure, ProductKind kind, String checksum, String reason)
            throws SQLException {
        settle(connection, FileState.REJECTED, reason, exposure, kind, checksum);
    }

    /**
     * A writer decided the product version's fate: the objects that became it and await its load take the state
     * and reason, and so does the object it was read from, whose SPLIT event may not have come yet (a decided
     * entry keeps its state when it does).
     */
    public void decided(Connection connection, Optional<ObjectOrigin> source, FileState state, String reason,
                        String exposure, ProductKind kind, String checksum) throws SQLException {
        settle(connection, state, reason, exposure, kind, checksum);
        if (source.isPresent()) {
            ObjectOrigin object = source.get();
            IngestEntry entry = received(connection, object.bucket(), object.key(), object.etag());
            update(connection, entry.id(), state, reason, exposure, kind, checksum);
        }
    }

    /** Whether the product version is completely loaded; locks its row until the transaction ends. */
    public boolean productLoaded(Connection connection, String exposure, ProductKind kind, String checksum)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PRODUCT_LOADED)) {
            query.setString(1, exposure);
            query.setString(2, kind.name());
            query.setString(3, checksum);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void settle(Connection connection, FileState state, String reason, String exposure,
                               ProductKind kind, String checksum) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
            settle.setString(1, state.name());
            settle.setString(2, reason);
            settle.setString(3, exposure);
            settle.setString(4, kind.name());
            settle.setString(5, checksum);
            settle.executeUpdate();
        }
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    private static Optional<IngestEntry> read(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new IngestEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), FileState.valueOf(rs.getString(7)), rs.getString(8),
                    rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class)));
        }
    }
}
