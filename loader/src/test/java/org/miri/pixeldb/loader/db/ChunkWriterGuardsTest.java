package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** What the writer refuses, and what two writers do with the same chunks at once. */
@ExtendWith(RealServersExtension.class)
class ChunkWriterGuardsTest {

    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();

    @Test
    void rampsBeforeTheirExposureAreRetryableAndWriteNothing(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("guard-early", 21);
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            ProductNotYetKnownException e = assertThrows(ProductNotYetKnownException.class,
                    () -> writer.write(db, product.chunks(0, 2)));
            db.rollback();
            assertTrue(e.getMessage().contains(product.name()), e.getMessage());
            db.setAutoCommit(true);
            // Once the exposure record is in, the same chunks load.
            new ExposureTable().upsert(db, product.exposure());
            db.setAutoCommit(false);
            assertEquals(2, writer.write(db, product.chunks(0, 2)).chunksLoaded());
            db.commit();
        }
    }

    @Test
    void aChunkThatContradictsItsExposureIsRejectedBeforeAnythingIsWritten(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("guard-malformed", 22);
        RawRampChunk good = product.chunk(0);
        List<RawRampChunk> badOnes = List.of(
                RawRampChunk.newBuilder(good).setSamples(ByteBuffer.allocate(10)).build(),
                RawRampChunk.newBuilder(good).setFirstRow(1).build(),
                RawRampChunk.newBuilder(good).setNgroups(19).build(),
                RawRampChunk.newBuilder(good).setIntegration(6).build(),
                RawRampChunk.newBuilder(good).setChunkIndex(40).build());
        try (Connection db = MigratedDatabase.connect(servers)) {
            new ExposureTable().upsert(db, product.exposure());
            db.setAutoCommit(false);
            for (RawRampChunk bad : badOnes) {
                MalformedChunkException e = assertThrows(MalformedChunkException.class,
                        () -> writer.write(db, List.of(product.chunk(1), bad)));
                assertEquals("0/0/0", ChunkWriterTest.counts(db, product), e.getMessage());
            }
            db.rollback();
        }
    }

    @Test
    void theCallerMustOwnATransaction(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            assertThrows(IllegalStateException.class, () -> writer.write(db, List.of()));
        }
    }

    @Test
    void twoWritersWithTheSameChunksStoreThemOnce(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("guard-concurrent", 23);
        try (Connection a = MigratedDatabase.connect(servers); Connection b = MigratedDatabase.connect(servers)) {
            new ExposureTable().upsert(a, product.exposure());
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            LoadReport first = writer.write(a, product.chunks(0, 30));
            // b claims the same chunks while a's claim is uncommitted: it must wait for a, then skip them.
            CompletableFuture<LoadReport> second = CompletableFuture.supplyAsync(() -> {
                try {
                    LoadReport report = writer.write(b, product.chunks(0, product.chunkCount()));
                    b.commit();
                    return report;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertFalse(second.isDone(), "the second writer waits for the first one's claim");
            a.commit();
            LoadReport report = second.get(30, TimeUnit.SECONDS);
            assertEquals(30, first.chunksLoaded());
            assertEquals(10, report.chunksLoaded());
            assertEquals(30, report.chunksSkipped());
            assertEquals(List.of(ChunkWriterTest.completed(product)), report.completed());
            assertEquals("320/320/40", ChunkWriterTest.counts(a, product));
            assertEquals("40 LOADED", one(a, "select chunks_loaded || ' ' || state from product p join exposure e"
                    + " on e.id = p.exposure_id where e.name = '" + product.name() + "'"));
        }
    }
}
