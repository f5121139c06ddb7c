package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** A changed file under the same key: the newer version (by split time) replaces the older in one commit. */
@ExtendWith(RealServersExtension.class)
class ProductPromotionTest {

    private static final Instant EARLIER = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-30T09:00:00Z");
    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();

    private static SyntheticProduct version(String name, long seed) {
        return new SyntheticProduct(name, 493, "GENERIC", 1, 779, 8, 8, 2, 4, 4, new SyntheticRamps(seed));
    }

    @Test
    void aNewerVersionReplacesTheLoadedOneAtomically(RealServers servers) throws Exception {
        SyntheticProduct old = version("promotion-replace", 41);
        SyntheticProduct changed = version("promotion-replace", 42);
        try (Connection db = MigratedDatabase.connect(servers); Connection reader = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            new ExposureTable().upsert(db, split(old, EARLIER));
            writer.write(db, old.chunks(0, old.chunkCount()));
            db.commit();
            assertEquals(ramp(old), visibleRamp(reader, old));

            new ExposureTable().upsert(db, split(changed, LATER));
            writer.write(db, changed.chunks(0, changed.chunkCount() - 1));
            db.commit();
            assertEquals(ramp(old), visibleRamp(reader, old), "a loading version stays invisible");
            assertEquals("128", one(reader, count(old)));

            LoadReport last = writer.write(db, changed.chunks(changed.chunkCount() - 1, changed.chunkCount()));
            assertEquals(List.of(new CompletedProduct(old.name(), old.exposure().getProduct(), changed.checksum(),
                    CompletedProduct.Outcome.PROMOTED, List.of(old.checksum()), null)), last.completed());
            assertEquals(ramp(old), visibleRamp(reader, old), "readers see the old rows until the commit");
            db.commit();
            assertEquals(ramp(changed), visibleRamp(reader, old), "and the new ones right after it");
            assertEquals("128", one(reader, count(old)));
            assertEquals("1 " + changed.checksum(), one(reader, "select count(*) over () || ' ' || p.checksum from product p"
                    + " join exposure e on e.id = p.exposure_id where e.name = '" + old.name() + "'"));
            assertEquals("0", one(reader, "select count(*) from raw_ramp_strip s left join product p on p.id = s.product_id"
                    + " where p.id is null"), "the old version's rows are gone with it");
        }
    }

    @Test
    void anOlderVersionStillLoadingIsRemovedWithTheOneItReplaces(RealServers servers) throws Exception {
        SyntheticProduct newer = version("promotion-overtaken", 45);
        SyntheticProduct older = version("promotion-overtaken", 46);
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            new ExposureTable().upsert(db, split(older, EARLIER));
            writer.write(db, older.chunks(0, 2));
            new ExposureTable().upsert(db, split(newer, LATER));
            LoadReport report = writer.write(db, newer.chunks(0, newer.chunkCount()));
            db.commit();
            assertEquals(List.of(older.checksum()), report.completed().get(0).removed());
            ProductNotYetKnownException gone = assertThrows(ProductNotYetKnownException.class,
                    () -> writer.write(db, older.chunks(2, older.chunkCount())));
            db.rollback();
            assertEquals(older.checksum(), gone.checksum());
            assertEquals(ramp(newer), visibleRamp(db, newer));
        }
    }

    @Test
    void anOlderVersionCompletingLateRemovesItself(RealServers servers) throws Exception {
        SyntheticProduct newer = version("promotion-stale", 43);
        SyntheticProduct older = version("promotion-stale", 44);
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            new ExposureTable().upsert(db, split(newer, LATER));
            writer.write(db, newer.chunks(0, newer.chunkCount()));
            // Its exposure record was late: it registers after the newer version was loaded.
            new ExposureTable().upsert(db, split(older, EARLIER));
            LoadReport late = writer.write(db, older.chunks(0, older.chunkCount()));
            db.commit();
            CompletedProduct stale = late.completed().get(0);
            assertEquals(CompletedProduct.Outcome.STALE, stale.outcome());
            assertTrue(stale.removed().isEmpty());
            assertEquals(ramp(newer), visibleRamp(db, newer));
            assertEquals("1", one(db, "select count(*) from product p join exposure e on e.id = p.exposure_id"
                    + " where e.name = '" + newer.name() + "'"));
        }
    }

    /**
     * Two writers each registered a version of one exposure (their product rows hold FOR KEY SHARE on its row) and
     * then complete them: the first promotion goes on at once and the second waits for its commit. With FOR UPDATE
     * they deadlocked, and one lost its batch after PostgreSQL's deadlock_timeout.
     */
    @Test
    void twoWritersCompletingVersionsOfOneExposureTakeTurnsWithoutADeadlock(RealServers servers) throws Exception {
        SyntheticProduct first = version("promotion-turns", 47);
        SyntheticProduct second = version("promotion-turns", 48);
        try (Connection setup = MigratedDatabase.connect(servers); Connection a = MigratedDatabase.connect(servers);
             Connection b = MigratedDatabase.connect(servers)) {
            new ExposureTable().upsert(setup, split(version("promotion-turns", 49), EARLIER)); // the exposure row
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            new ExposureTable().upsert(a, split(first, EARLIER.plusSeconds(1)));
            writer.write(a, first.chunks(0, first.chunkCount() - 1));
            new ExposureTable().upsert(b, split(second, LATER));
            writer.write(b, second.chunks(0, second.chunkCount() - 1));
            java.util.concurrent.CompletableFuture<LoadReport> aDone = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            LoadReport report = writer.write(a, first.chunks(first.chunkCount() - 1, first.chunkCount()));
                            a.commit();
                            return report;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            LoadReport aReport = aDone.get(10, java.util.concurrent.TimeUnit.SECONDS);
            LoadReport bReport = writer.write(b, second.chunks(second.chunkCount() - 1, second.chunkCount()));
            b.commit();
            assertEquals(CompletedProduct.Outcome.PROMOTED, aReport.completed().get(0).outcome());
            assertEquals(CompletedProduct.Outcome.PROMOTED, bReport.completed().get(0).outcome());
            assertEquals(ramp(second), visibleRamp(setup, second));
        }
    }

    private static Exposure split(SyntheticProduct product, Instant at) {
        return Exposure.newBuilder(product.exposure()).setSplitAt(at).build();
    }

    private static String ramp(SyntheticProduct product) {
        return IntStream.range(0, product.ngroups()).mapToObj(g -> String.valueOf(product.ramps().sample(1, 780, 2, g)))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String visibleRamp(Connection db, SyntheticProduct product) throws Exception {
        return one(db, "select samples::text from raw_ramp_v where exposure = '" + product.name()
                + "' and integration = 1 and row = 780 and col = 2");
    }

    private static String count(SyntheticProduct product) {
        return "select count(*) from raw_ramp_v where exposure = '" + product.name() + "'";
    }
}
