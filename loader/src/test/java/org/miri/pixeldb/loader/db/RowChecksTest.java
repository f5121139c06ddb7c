package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * The strips' COPY runs without per-row foreign-key checks (decision 0025); these tests hold the claim that nothing is
 * lost by it: the ledger rows, still checked, keep a product from being deleted under its COPY, and a product deleted
 * first makes the load fail whole.
 */
@ExtendWith(RealServersExtension.class)
class RowChecksTest {

    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();
    private final ChunkWriterTest helpers = new ChunkWriterTest();

    @Test
    void theWritersRoleMayTurnTheChecksOff(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            assertEquals("t", one(db, "select has_parameter_privilege('pixeldb_load', 'session_replication_role', 'SET')"));
        }
    }

    @Test
    void theCopyRunsAsAReplicaWithinItsTransaction(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            String[] during = new String[1];
            new RowChecks().skippedDuring(db, () -> during[0] = one(db, "show session_replication_role"));
            assertEquals("replica origin", during[0] + " " + one(db, "show session_replication_role"));
            db.rollback();
        }
    }

    @Test
    void theChecksAreBackOnForWhatFollowsTheCopy(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("row-checks-back-on", 31);
        try (Connection db = MigratedDatabase.connect(servers)) {
            helpers.register(db, product);
            db.setAutoCommit(false);
            writer.write(db, product.chunks(0, 20));
            assertEquals("origin", one(db, "show session_replication_role"));
            db.commit();
            db.setAutoCommit(true);
            // The first 20 chunks are the science ones (320 strips); the reference outputs follow.
            assertEquals("320/0/20", ChunkWriterTest.counts(db, product));
        }
    }

    @Test
    void aDeletionWaitsForTheLoadAndTakesItsStrips(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("row-checks-delete-waits", 32);
        try (Connection db = MigratedDatabase.connect(servers); Connection other = MigratedDatabase.connect(servers)) {
            String productId = registered(db, product);
            db.setAutoCommit(false);
            writer.write(db, product.chunks(0, product.chunkCount()));
            assertEquals("1 320 320 40", ChunkWriterTest.leftOf(db, productId));
            CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> delete(other, product));
            // The ledger rows hold the product row: the deletion must wait for the load's commit.
            assertThrows(TimeoutException.class, () -> deletion.get(1, TimeUnit.SECONDS));
            db.commit();
            db.setAutoCommit(true);
            deletion.get(30, TimeUnit.SECONDS);
            assertEquals("0 0 0 0", ChunkWriterTest.leftOf(db, productId));
        }
    }

    @Test
    void aLoadAfterAnUncommittedDeletionFailsWhole(RealServers servers) throws Exception {
        SyntheticProduct product = ChunkWriterTest.sub64("row-checks-deleted-first", 33);
        try (Connection db = MigratedDatabase.connect(servers); Connection other = MigratedDatabase.connect(servers)) {
            String productId = registered(db, product);
            other.setAutoCommit(false);
            delete(other, product);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                try {
                    db.setAutoCommit(false);
                    writer.write(db, product.chunks(0, product.chunkCount()));
                    db.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> load.get(1, TimeUnit.SECONDS));
            other.commit();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> load.get(30, TimeUnit.SECONDS));
            SQLException cause = (SQLException) failed.getCause().getCause();
            assertEquals("23503", cause.getSQLState(), cause.getMessage());
            db.rollback();
            db.setAutoCommit(true);
            assertEquals("0 0 0 0", ChunkWriterTest.leftOf(db, productId));
        }
    }

    private String registered(Connection db, SyntheticProduct product) throws SQLException, LoadException {
        helpers.register(db, product);
        // Kept as text: the id outlives the row, so that what is left of the product can be counted after it.
        return one(db, "select p.id from product p join exposure e on e.id = p.exposure_id where e.name = '"
                + product.name() + "'");
    }

    private static void delete(Connection db, SyntheticProduct product) {
        try {
            one(db, "with d as (delete from exposure where name = '" + product.name() + "' returning 1) select 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
