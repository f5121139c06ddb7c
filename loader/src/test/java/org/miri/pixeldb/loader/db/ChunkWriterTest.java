package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/** Each test loads its own exposure (distinct names), so tests do not see each other's rows. */
@ExtendWith(RealServersExtension.class)
class ChunkWriterTest {

    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();

    static SyntheticProduct sub64(String name, long seed) {
        return new SyntheticProduct(name, 493, "SUB64", 1, 779, 72, 64, 5, 20, 16, new SyntheticRamps(seed));
    }

    @Test
    void everySampleReadsBackThroughTheViews(RealServers servers) throws Exception {
        SyntheticProduct product = sub64("writer-every-sample", 11);
        try (Connection db = MigratedDatabase.connect(servers)) {
            register(db, product);
            LoadReport report = load(db, product.chunks(0, product.chunkCount()));
            assertEquals(new LoadReport(40, 0, 23_040 + 5_760, List.of(completed(product)), report.held()), report);
            assertEquals(indexes(0, 40), report.held().get(0).indexes());
            assertEquals(23_040, compare(db, "select integration, row, col, samples, pixel_id from raw_ramp_v"
                    + " where exposure = ?", product, product.ramps()));
            assertEquals(5_760, compare(db, "select integration, row, refout_col, samples from refout_ramp_v"
                    + " where exposure = ?", product, product.refout()));
            // 72 columns of 20 groups (2,880 bytes) become one strip a row, in its page (no TOAST).
            assertEquals("2880 2880 320", one(db, "select concat_ws(' ', max(octet_length(samples)),"
                    + " min(octet_length(samples)), count(*)) from raw_ramp_strip s join product p on p.id = s.product_id"
                    + " join exposure e on e.id = p.exposure_id where e.name = '" + product.name() + "'"));
            assertEquals("LOADED 40 40", one(db, "select concat_ws(' ', p.state, p.chunks_loaded, p.chunk_count)"
                    + " from product p join exposure e on e.id = p.exposure_id where e.name = '" + product.name() + "'"));
        }
    }

    @Test
    void theSameChunksAgainAddNothing(RealServers servers) throws Exception {
        SyntheticProduct product = sub64("writer-again", 12);
        try (Connection db = MigratedDatabase.connect(servers)) {
            register(db, product);
            load(db, product.chunks(0, product.chunkCount()));
            LoadReport again = load(db, product.chunks(0, product.chunkCount()));
            assertEquals(new LoadReport(0, 40, 0, List.of(), again.held()), again);
            // Skipped chunks are held all the same: their acknowledgement may have been lost in a crash.
            assertEquals(indexes(0, 40), again.held().get(0).indexes());
            assertEquals("320/320/40", counts(db, product));
        }
    }

    @Test
    void redeliveryAfterACrashEndsWithExactlyTheRowsOfTheFile(RealServers servers) throws Exception {
        SyntheticProduct product = sub64("writer-crash", 13);
        try (Connection db = MigratedDatabase.connect(servers)) {
            register(db, product);
            load(db, product.chunks(0, 20));
            // The crash: a transaction that stored more chunks dies before its commit.
            db.setAutoCommit(false);
            writer.write(db, product.chunks(20, 30));
            db.rollback();
            db.setAutoCommit(true);
            assertEquals("20 LOADING", one(db, "select chunks_loaded || ' ' || state from product p join exposure e"
                    + " on e.id = p.exposure_id where e.name = '" + product.name() + "'"));
            // Kafka re-delivers everything after the last committed offset, and some before it.
            LoadReport rest = load(db, product.chunks(10, product.chunkCount()));
            assertEquals(new LoadReport(20, 10, 5_760, List.of(completed(product)), rest.held()), rest);
            assertEquals(indexes(10, 40), rest.held().get(0).indexes());
            assertEquals("320/320/40", counts(db, product));
            assertEquals(23_040, compare(db, "select integration, row, col, samples, pixel_id from raw_ramp_v"
                    + " where exposure = ?", product, product.ramps()));
        }
    }

    @Test
    void extremeSamplesSurvive(RealServers servers) throws Exception {
        SyntheticProduct product = sub64("writer-extremes", 14);
        RawRampChunk first = product.chunk(0);
        byte[] samples = new byte[first.getSamples().remaining()];
        for (int i = 0; i < samples.length; i += 6) {
            samples[i] = (byte) 0xFF;          // 65535
            samples[i + 1] = (byte) 0xFF;
            samples[i + 2] = 0;                // 0
            samples[i + 3] = 0;
            samples[i + 4] = (byte) 0x80;      // 32768: the int16 sign boundary of FITS
            samples[i + 5] = 0;
        }
        RawRampChunk extreme = RawRampChunk.newBuilder(first).setSamples(ByteBuffer.wrap(samples)).build();
        try (Connection db = MigratedDatabase.connect(servers)) {
            register(db, product);
            load(db, List.of(extreme));
            load(db, product.chunks(1, product.chunkCount())); // views show complete products only
            assertEquals("{65535,0,32768,65535}", one(db, "select samples[1:4]::text from raw_ramp_v where exposure = '"
                    + product.name() + "' and integration = 1 and row = 779 and col = 1"));
            assertEquals("3", one(db, "select count(distinct s) from raw_ramp_v, unnest(samples) s where exposure = '"
                    + product.name() + "' and integration = " + first.getIntegration() + " and row between "
                    + first.getFirstRow() + " and " + (first.getFirstRow() + first.getRows() - 1) + " and col between "
                    + first.getFirstCol() + " and " + (first.getFirstCol() + first.getCols() - 1)));
        }
    }

    @Test
    void pixelNumbersAreThePrototypes(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            assertEquals("802897", one(db, "select pixel_id(779, 1)"));
            assertEquals("779 1", one(db, "select pixel_row(802897) || ' ' || pixel_col(802897)"));
            assertEquals("1024 1032 1 1", one(db, "select concat_ws(' ', pixel_row(1056768), pixel_col(1056768),"
                    + " pixel_row(1), pixel_col(1))"));
        }
    }

    @Test
    void deletingTheExposureDeletesEverythingOfIt(RealServers servers) throws Exception {
        SyntheticProduct product = sub64("writer-delete", 15);
        try (Connection db = MigratedDatabase.connect(servers)) {
            register(db, product);
            load(db, product.chunks(0, product.chunkCount()));
            String productId = one(db, "select p.id from product p join exposure e on e.id = p.exposure_id"
                    + " where e.name = '" + product.name() + "'");
            one(db, "with d as (delete from exposure where name = '" + product.name() + "' returning 1) select 1");
            assertEquals("0 0 0 0", leftOf(db, productId));
        }
    }

    void register(Connection db, SyntheticProduct product) throws SQLException, LoadException {
        new ExposureTable().upsert(db, product.exposure());
    }

    static CompletedProduct completed(SyntheticProduct product) {
        return new CompletedProduct(product.name(), ProductKind.RAW, product.checksum(),
                CompletedProduct.Outcome.PROMOTED, List.of(), null);
    }

    LoadReport load(Connection db, List<RawRampChunk> chunks) throws SQLException, LoadException {
        db.setAutoCommit(false);
        try {
            LoadReport report = writer.write(db, chunks);
            db.commit();
            return report;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Rows left of a product by its id, which outlives it: "product science-strips refout-strips ledger-rows". */
    static String leftOf(Connection db, String productId) throws SQLException {
        return one(db, "select concat_ws(' ', (select count(*) from product where id = " + productId
                + "), (select count(*) from raw_ramp_strip where product_id = " + productId + "),"
                + " (select count(*) from refout_ramp_strip where product_id = " + productId + "),"
                + " (select count(*) from chunk_ledger where product_id = " + productId + "))");
    }

    /** Science strips / reference-output strips / ledger rows of the product. */
    static String counts(Connection db, SyntheticProduct product) throws SQLException {
        String id = "(select p.id from product p join exposure e on e.id = p.exposure_id where e.name = '"
                + product.name() + "')";
        return one(db, "select concat_ws('/', (select count(*) from raw_ramp_strip where product_id = " + id + "),"
                + " (select count(*) from refout_ramp_strip where product_id = " + id + "),"
                + " (select count(*) from chunk_ledger where product_id = " + id + "))");
    }

    /** Compares every ramp the query returns with the generator; returns the number of ramps. */
    static int compare(Connection db, String sql, SyntheticProduct product, SyntheticRamps source) throws SQLException {
        int ramps = 0;
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, product.name());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int integration = rs.getInt(1);
                    int row = rs.getInt(2);
                    int col = rs.getInt(3);
                    Integer[] samples = (Integer[]) rs.getArray(4).getArray();
                    assertEquals(product.ngroups(), samples.length);
                    for (int g = 0; g < samples.length; g++) {
                        assertEquals(source.sample(integration, row, col, g), samples[g],
                                "integration " + integration + " row " + row + " col " + col + " group " + g);
                    }
                    if (rs.getMetaData().getColumnCount() == 5) {
                        assertEquals((row - 1) * 1032 + col, rs.getInt(5));
                    }
                    ramps++;
                }
            }
        }
        return ramps;
    }

    private static List<Integer> indexes(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }
}
