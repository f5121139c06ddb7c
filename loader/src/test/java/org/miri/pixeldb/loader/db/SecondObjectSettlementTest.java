package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.miri.pixeldb.loader.db.ExposureTableTest.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.loader.testdata.ProductFile;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * A second object (another key) for a RAW product an exposure has loaded, as the JPL raw file and its _pipe
 * conversion are: compared value by value once loaded, a no-op when identical, refused when not, whichever of
 * the two came first. On the real PostgreSQL, with products of the real JPL8 exposure's size.
 */
@ExtendWith(RealServersExtension.class)
class SecondObjectSettlementTest {

    private static final Instant EARLIER = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-30T09:00:00Z");
    /** Strips (39 columns of 50 groups), reference-output strips and ledger rows of one version. */
    private static final String ONE_VERSION = "640/320/40";
    private final ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();

    /** The real JPL8 exposure's shape: SUB64 from row 779, 5 integrations of 50 groups, 16 rows per chunk. */
    private static SyntheticProduct sub64(String name) {
        return new SyntheticProduct(name, 493, "SUB64", 1, 779, 72, 64, 5, 50, 16, new SyntheticRamps(71));
    }

    /** The JPL-layout file (split earlier) and its conversion (split later): the same values, two objects. */
    private static ProductFile[] files(String name, boolean convertedFirst) {
        ProductFile raw = ProductFile.of(sub64(name), "jpl8/" + name + ".fits", 'a', EARLIER);
        ProductFile pipe = ProductFile.of(sub64(name), "jpl8/" + name + "_pipe.fits", 'b', LATER);
        return convertedFirst ? new ProductFile[] {pipe, raw} : new ProductFile[] {raw, pipe};
    }

    @ParameterizedTest(name = "converted file first: {0}")
    @ValueSource(booleans = {false, true})
    void anIdenticalSecondObjectChangesNothingReadersSeeAndIsLoggedLoadedNamingTheFirst(boolean convertedFirst,
            RealServers servers) throws Exception {
        String name = "second-identical-" + convertedFirst;
        ProductFile[] files = files(name, convertedFirst);
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            load(db, files[0], 0, files[0].chunkCount());
            String before = visible(db, name);
            CompletedProduct second = load(db, files[1], 0, files[1].chunkCount()).get(0);

            String note = "identical to the loaded object " + files[0].object() + " (every stored value compared):"
                    + " nothing more stored";
            assertEquals(new CompletedProduct(name, files[1].exposure().getProduct(), files[1].checksum(),
                    CompletedProduct.Outcome.IDENTICAL, List.of(), note), second);
            assertEquals(before, visible(db, name), "the loaded version, its rows and what the views show");
            assertEquals(ONE_VERSION, strips(db, name), "no row of the second object is left");
            assertEquals("LOADED " + note, logged(db, files[1]));
            assertEquals(files[0].object() + " " + note, one(db, "select identical_to || ' ' || reason from"
                    + " refused_version where exposure = '" + name + "' and checksum = '" + files[1].checksum() + "'"));
        }
    }

    @ParameterizedTest(name = "converted file first: {0}")
    @ValueSource(booleans = {false, true})
    void aSecondObjectWithOtherValuesIsRejectedSayingWhereTheyFirstDiffer(boolean convertedFirst, RealServers servers)
            throws Exception {
        String name = "second-different-" + convertedFirst;
        ProductFile[] files = files(name, convertedFirst);
        // Science chunk 5: integration 2, rows 795-810; its sample at block row 3, column 5 differs.
        files[1] = files[1].changed(5, 'c');
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            load(db, files[0], 0, files[0].chunkCount());
            String before = visible(db, name);
            CompletedProduct second = load(db, files[1], 0, files[1].chunkCount()).get(0);

            assertEquals(CompletedProduct.Outcome.DIFFERENT, second.outcome());
            String reason = "exposure " + name + " already has its RAW product, from " + files[0].object() + "; "
                    + files[1].object() + " is another file for it whose values differ (first in the raw ramps at"
                    + " integration 2, row " + (779 + 16 + ProductFile.CHANGED_ROW) + ", column "
                    + (1 + ProductFile.CHANGED_COL) + ") and is refused (to replace a product, write the same key"
                    + " again, or delete the exposure first)";
            assertEquals(reason, second.reason());
            assertEquals(before, visible(db, name));
            assertEquals(ONE_VERSION, strips(db, name), "no row of the refused object is left");
            assertEquals("REJECTED " + reason, logged(db, files[1]));
            assertEquals("refused " + reason, one(db, "select coalesce(identical_to, 'refused') || ' ' || reason"
                    + " from refused_version where exposure = '" + name + "' and checksum = '" + files[1].checksum()
                    + "'"));
        }
    }

    @Test
    void aSecondObjectStillLoadingWhenTheFirstIsPromotedIsComparedNotRemoved(RealServers servers) throws Exception {
        // The JPL file was split first and loads slowly; its conversion, split later, overtakes it. Versions of one
        // object replace those split earlier, but the JPL file's version is not a version of the converted file.
        ProductFile[] files = files("second-overtaken", false);
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            load(db, files[0], 0, 10);
            CompletedProduct pipe = load(db, files[1], 0, files[1].chunkCount()).get(0);
            assertEquals(CompletedProduct.Outcome.PROMOTED, pipe.outcome());
            assertEquals(List.of(), pipe.removed());
            CompletedProduct raw = load(db, files[0], 10, files[0].chunkCount()).get(0);
            assertEquals(CompletedProduct.Outcome.IDENTICAL, raw.outcome());
            assertTrue(raw.reason().contains(files[1].object()), raw.reason());
            assertEquals(ONE_VERSION, strips(db, "second-overtaken"));
        }
    }

    /** What comparing costs, on this machine: a SUB64 RAW version of the real exposure's size with itself. */
    @Test
    void comparingTwoSub64RawVersionsTakesMilliseconds(RealServers servers) throws Exception {
        ProductFile file = files("second-timed", false)[0];
        try (Connection db = MigratedDatabase.connect(servers)) {
            db.setAutoCommit(false);
            load(db, file, 0, file.chunkCount());
            int id = Integer.parseInt(one(db, "select p.id from product p join exposure e on e.id = p.exposure_id"
                    + " where e.name = 'second-timed'"));
            long[] millis = new long[7];
            for (int run = 0; run < millis.length; run++) {
                long start = System.nanoTime();
                for (StripTable table : List.of(StripTable.RAW_SCIENCE, StripTable.RAW_REFOUT)) {
                    assertTrue(table.firstDifference(db, id, id).isEmpty(), "a version equals itself");
                }
                millis[run] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("comparing two SUB64 RAW versions (23,040 + 5,760 ramps of 50 groups, 960 strips"
                    + " each): median %d ms, min %d, max %d of %d runs%n", millis[3], millis[0], millis[6], millis.length);
        }
    }

    /** Registers the file's product and stores chunks [from, to) in one transaction; returns what completed. */
    private List<CompletedProduct> load(Connection db, ProductFile file, int from, int to) throws Exception {
        new ExposureTable().upsert(db, file.exposure());
        List<CompletedProduct> completed = writer.write(db, file.chunks(from, to)).completed();
        db.commit();
        return completed;
    }

    /** The exposure's visible RAW product: its row, ramp count and a digest of every stored sample. */
    private static String visible(Connection db, String name) throws SQLException {
        String loaded = "(select p.id from product p join exposure e on e.id = p.exposure_id where e.name = '" + name
                + "' and p.state = 'LOADED')";
        return one(db, "select concat_ws(' ', (select concat_ws(' ', id, checksum, source_key, loaded_at) from product"
                + " where id = " + loaded + "), (select count(*) from raw_ramp_v where exposure = '" + name + "'),"
                + " (select md5(string_agg(samples, ''::bytea order by row, integration, first_col)) from raw_ramp_strip"
                + " where product_id = " + loaded + "), (select md5(string_agg(samples, ''::bytea order by row,"
                + " integration, first_col)) from refout_ramp_strip where product_id = " + loaded + "))");
    }

    /** Strips, reference-output strips and ledger rows of all the exposure's product versions. */
    private static String strips(Connection db, String name) throws SQLException {
        String ids = "(select p.id from product p join exposure e on e.id = p.exposure_id where e.name = '" + name + "')";
        return one(db, "select concat_ws('/', (select count(*) from raw_ramp_strip where product_id in " + ids + "),"
                + " (select count(*) from refout_ramp_strip where product_id in " + ids + "),"
                + " (select count(*) from chunk_ledger where product_id in " + ids + "))");
    }

    private static String logged(Connection db, ProductFile file) throws SQLException {
        return one(db, "select state || ' ' || reason from ingest_log where object_key = '" + file.key() + "'");
    }
}
