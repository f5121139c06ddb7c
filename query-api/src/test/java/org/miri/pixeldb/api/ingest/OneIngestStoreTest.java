package org.miri.pixeldb.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.loader.db.FileState;
import org.miri.pixeldb.loader.db.IngestLog;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The writers (loader's {@link IngestLog}) and the ingest-status topology's copy ({@link IngestStatusTable}) write the
 * same rows of {@code ingest_log}, the one store of a file's ingest (V12); the status endpoints read them through the
 * view {@code ingest_status}. Each side may come first, neither takes a file back, and a deleted load starts afresh.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class OneIngestStoreTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T08:00:00Z");

    DataSource db = RealServers.shared().superuserDataSource();
    private final IngestLog log = new IngestLog();
    private final IngestStatusTable topology = new IngestStatusTable(RealServers.shared().superuserDataSource());
    @Inject
    IngestStatusRepository status;

    @Test
    void theTopologysProgressLandsInTheWritersRowWithoutTakingALoadedFileBack() throws Exception {
        long id = writerLoaded("ONE_STORE_A", "one/a_uncal.fits");
        topology.upsert(status("ONE_STORE_A", "one/a_uncal.fits", ProductIngestState.LOADING, 3, 7));
        Map<String, Object> row = row("one/a_uncal.fits");
        assertEquals(id, row.get("id"), "the same row: one per file");
        assertEquals("LOADED", row.get("state"), "the writer's LOADED stays");
        assertEquals(7, row.get("chunks_loaded"), "LOADED is every chunk in, whatever the fold has counted yet");
        assertEquals(7, row.get("chunk_count"));
        assertEquals(7L, row.get("revision"));
        ProductStatus shown = status.of("ONE_STORE_A").get(0);
        assertEquals("LOADED", shown.state());
        assertEquals("pixeldb-ingest/one/a_uncal.fits", shown.objectKey());
        assertEquals(List.of(7, 700L), List.of(shown.chunksLoaded(), shown.rampsLoaded()));
    }

    /**
     * The writers commit the last chunk and say LOADED before the topology has folded the acknowledgements of the last
     * transactions: a reader must never see LOADED with 20 of 25 chunks (CI saw it), neither right after the verdict
     * nor after the fold's lagging revisions.
     */
    @Test
    void aLoadedFileShowsEveryChunkInFromTheVerdictOn() throws Exception {
        String key = "one/f_uncal.fits";
        long id;
        try (Connection connection = db.getConnection()) {
            id = log.received(connection, "pixeldb-ingest", key, "etag").id();
            execute("update ingest_log set received_at = '" + RECEIVED + "' where id = " + id);
        }
        topology.upsert(status("ONE_STORE_F", key, ProductIngestState.LOADING, 3, 20));
        try (Connection connection = db.getConnection()) {
            log.update(connection, id, FileState.LOADED, null, "ONE_STORE_F", ProductKind.RAW);
        }
        assertEquals(List.of("LOADED", 7), List.of(row(key).get("state"), row(key).get("chunks_loaded")));
        topology.upsert(status("ONE_STORE_F", key, ProductIngestState.LOADING, 5, 21));
        assertEquals(7, row(key).get("chunks_loaded"), "a lagging fold does not count it down");
        ProductStatus shown = status.of("ONE_STORE_F").get(0);
        assertEquals(List.of(7, 7, 700L, 700L), List.of(shown.chunkCount(), shown.chunksLoaded(), shown.rampCount(),
                shown.rampsLoaded()));
    }

    /**
     * The topology derives verdicts from acknowledgements, and remembers the versions of a deleted exposure: a file
     * dropped again with the content of a refused version would be REJECTED by it while the writers load it. Only the
     * writers' verdict is written.
     */
    @Test
    void theTopologysVerdictIsNotWrittenTheWritersIs() throws Exception {
        topology.upsert(status("ONE_STORE_E", "one/e_uncal.fits", "etag", RECEIVED, ProductIngestState.REJECTED, 0, 15,
                "a refusal the topology remembers"));
        assertEquals("RECEIVED", row("one/e_uncal.fits").get("state"));
        try (Connection connection = db.getConnection()) {
            long id = log.received(connection, "pixeldb-ingest", "one/e_uncal.fits", "etag").id();
            log.update(connection, id, FileState.LOADED, null, "ONE_STORE_E", ProductKind.RAW);
        }
        topology.upsert(status("ONE_STORE_E", "one/e_uncal.fits", ProductIngestState.REJECTED, 0, 16));
        ProductStatus shown = status.of("ONE_STORE_E").get(0);
        assertEquals("LOADED", shown.state());
        assertNull(shown.reason());
        assertEquals(java.util.Set.of("RECEIVED", "LOADED"), shown.transitions().keySet());
    }

    @Test
    void anOlderRevisionChangesNothingAndTheTopologyMayComeFirst() throws Exception {
        topology.upsert(status("ONE_STORE_B", "one/b_uncal.fits", ProductIngestState.LOADING, 4, 9));
        topology.upsert(status("ONE_STORE_B", "one/b_uncal.fits", ProductIngestState.SPLITTING, 1, 8));
        assertEquals(4, row("one/b_uncal.fits").get("chunks_loaded"));
        assertEquals("LOADING", row("one/b_uncal.fits").get("state"));
        // The writer finds the topology's row and settles it in its own transaction.
        try (Connection connection = db.getConnection()) {
            long id = log.received(connection, "pixeldb-ingest", "one/b_uncal.fits", "etag").id();
            assertEquals(row("one/b_uncal.fits").get("id"), id);
            log.update(connection, id, FileState.LOADED, null, "ONE_STORE_B", ProductKind.RAW);
        }
        topology.upsert(status("ONE_STORE_B", "one/b_uncal.fits", ProductIngestState.LOADING, 5, 10));
        assertEquals("LOADED", row("one/b_uncal.fits").get("state"));
        assertEquals(7, row("one/b_uncal.fits").get("chunks_loaded"), "LOADED: all 7 in, not the fold's 5 yet");
    }

    @Test
    void aFileOfADeletedExposureLeavesTheStatusAndComesBackAfreshWhenDroppedAgain() throws Exception {
        writerLoaded("ONE_STORE_C", "one/c_uncal.fits");
        execute("insert into ingest_status_deletion (exposure_name, deleted_at) values ('ONE_STORE_C', clock_timestamp())");
        assertEquals(List.of(), status.of("ONE_STORE_C"), "the deleted load is no status");
        // The topology's store still holds the old attempt: received before the deletion, it is skipped.
        topology.upsert(status("ONE_STORE_C", "one/c_uncal.fits", ProductIngestState.LOADED, 2, 11));
        assertEquals(List.of(), status.of("ONE_STORE_C"));
        // The same file dropped again: a new attempt, received now, starts the row afresh.
        topology.upsert(status("ONE_STORE_C", "one/c_uncal.fits", "etag", Instant.now().plusSeconds(1),
                ProductIngestState.RECEIVED, 0, 12));
        ProductStatus shown = status.of("ONE_STORE_C").get(0);
        assertEquals("RECEIVED", shown.state());
        assertEquals(0, shown.chunksLoaded());
        assertNull(row("one/c_uncal.fits").get("loaded_at"));
    }

    @Test
    void theStatusShowsTheLatestVersionOfEachKey() throws Exception {
        IngestStatus first = status("ONE_STORE_D", "one/d_uncal.fits", ProductIngestState.LOADED, 2, 13);
        topology.upsert(first);
        topology.upsert(status("ONE_STORE_D", "one/d_uncal.fits", "etag-2", RECEIVED.plusSeconds(60),
                ProductIngestState.LOADING, 1, 14));
        List<ProductStatus> shown = status.of("ONE_STORE_D");
        assertEquals(1, shown.size());
        assertEquals("LOADING", shown.get(0).state());
        assertEquals(2, count("select count(*) from ingest_log where object_key = 'one/d_uncal.fits'"),
                "the log keeps both versions");
    }

    private long writerLoaded(String exposure, String key) throws SQLException {
        try (Connection connection = db.getConnection()) {
            long id = log.received(connection, "pixeldb-ingest", key, "etag").id();
            execute("update ingest_log set received_at = '" + RECEIVED + "' where id = " + id);
            log.update(connection, id, FileState.LOADED, null, exposure, ProductKind.RAW);
            return id;
        }
    }

    private static IngestStatus status(String exposure, String key, ProductIngestState state, int chunks, long revision) {
        return status(exposure, key, "etag", RECEIVED, state, chunks, revision);
    }

    private static IngestStatus status(String exposure, String key, String etag, Instant received,
            ProductIngestState state, int chunks, long revision) {
        return status(exposure, key, etag, received, state, chunks, revision, null);
    }

    private static IngestStatus status(String exposure, String key, String etag, Instant received,
            ProductIngestState state, int chunks, long revision, String reason) {
        ObjectStatus object = ObjectStatus.newBuilder().setState(state).setReason(reason)
                .setObjectKey("pixeldb-ingest/" + key)
                .setEtag(etag).setChunkCount(chunks == 0 ? null : 7).setChunksLoaded(chunks)
                .setRampCount(chunks == 0 ? null : 700L).setRampsLoaded(chunks * 100L).setReceivedAt(received).build();
        return IngestStatus.newBuilder().setExposure(exposure).setProduct(ProductKind.RAW)
                .setObjects(new ArrayList<>(List.of(object))).setRevision(revision).setVersions(List.of())
                .setResets(List.of()).build();
    }

    private Map<String, Object> row(String key) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select id, state, chunks_loaded, chunk_count, revision, loaded_at from ingest_log"
                        + " where object_key = ? and etag = 'etag'")) {
            query.setString(1, key);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                }
                return row;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
