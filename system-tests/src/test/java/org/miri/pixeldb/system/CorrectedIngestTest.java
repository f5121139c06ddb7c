package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.Product;

/**
 * The four shared SUB64 products dropped into a running stack in three orders each end up as the
 * same corrected ramps, pixel flags, slopes and provenance, every float bit-identical to the files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StackTest
class CorrectedIngestTest {

    static final String NAME = "MIRI_5582_89_S_20180308-010230_SCE1";
    static final Path DATA = Path.of(System.getProperty("pixeldb.shared.data", "../shared/data"), "jpl8-sub64");
    static final String RAW = NAME + ".fits";
    static final String PIPE = NAME + "_pipe.fits";
    static final String RAMP = NAME + "_pipe_ramp.fits";
    static final String RATEINTS = NAME + "_pipe_rateints.fits";
    static final Map<String, List<String>> ORDERS = Map.of(
            "uncal-first", List.of(RAW, RAMP, RATEINTS, PIPE),
            "ramp-first", List.of(RAMP, PIPE, RATEINTS, RAW),
            "rateints-first", List.of(RATEINTS, RAW, PIPE, RAMP));
    @RegisterExtension
    static final RunningStack stack = RunningStack.forJplExposure("corrected-ingest-stack");

    @TempDir
    static Path temp;

    @ParameterizedTest
    @Order(1)
    @ValueSource(strings = {"uncal-first", "ramp-first", "rateints-first"})
    void theFourProductsInAnyOrderGiveTheFilesValues(String order) throws Exception {
        try (Connection db = stack.database()) {
            db.createStatement().execute("with gone as (delete from exposure where name = '" + NAME + "' returning name)"
                    + " select forget_exposure(name) from gone");
        }
        for (String file : ORDERS.get(order)) {
            String key = order + "/" + file;
            stack.upload(key, DATA.resolve(file));
            assertEquals("LOADED", stack.awaitFinalState(key), key);
        }
        // The second of the two raw files, whichever it is, holds the same values: a no-op, logged with a note.
        boolean pipeFirst = ORDERS.get(order).indexOf(PIPE) < ORDERS.get(order).indexOf(RAW);
        String second = order + "/" + (pipeFirst ? RAW : PIPE);
        try (Connection db = stack.database()) {
            String reason = (String) RunningStack.row(db, "select reason from ingest_log where object_key = ?", second)
                    .get("reason");
            assertTrue(reason.startsWith("identical to the loaded object ") && reason.contains(order + "/"
                    + (pipeFirst ? PIPE : RAW) + " "), second + ": " + reason);
            assertEquals(1L, RunningStack.row(db, "select count(*) n from product p join exposure e on e.id ="
                    + " p.exposure_id where e.name = ? and p.kind = 'RAW'", NAME).get("n"));
        }
        try (Connection db = stack.database()) {
            assertCorrectedRampsEqualTheFile(db);
            assertPixelDqEqualsTheFile(db);
            assertSlopesEqualTheFile(db);
            Map<String, Object> provenance = RunningStack.row(db, "select cal_ver, crds_ctx, steps ->> 'S_JUMP' s_jump, "
                    + "reference_files ->> 'R_MASK' r_mask from product_provenance_v where exposure = ? and kind = 'RATEINTS'", NAME);
            assertEquals(Map.of("cal_ver", "0.17.0", "crds_ctx", "jwst_0642.pmap", "s_jump", "COMPLETE",
                    "r_mask", "crds://jwst_miri_mask_0023.fits"), provenance);
            assertEquals(5L, RunningStack.row(db, "select count(*) n from slope_v s join raw_ramp_v r using (exposure, "
                    + "integration, row, col) where exposure = ? and row = 779 and col = 5 and s.kind = 'RATEINTS'", NAME).get("n"),
                    "slopes join raw ramps by exposure, integration and pixel");
        }
    }

    @Test
    @Order(2)
    void aRampFileWithTheWrongNumberOfGroupsIsRejectedAndWritesNothing() throws Exception {
        // The exposure is loaded by now: a ramp file that claims 49 groups instead of 50 contradicts it.
        ExposureSpec spec = new ExposureSpec(NAME, Subarray.SUB64, 5, 49, "MIRIMAGE", 7);
        Path file = CorrectedProducts.write(spec, temp, EnumSet.of(Product.RAMP), true, true).get(Product.RAMP);
        stack.upload("wrong-groups/" + file.getFileName(), file);
        assertEquals("REJECTED", stack.awaitFinalState("wrong-groups/" + file.getFileName()));
        try (Connection db = stack.database()) {
            String reason = (String) RunningStack.row(db, "select reason from ingest_log where object_key = ?",
                    "wrong-groups/" + file.getFileName()).get("reason");
            assertTrue(reason.contains("NGROUPS 49, not 50"), reason);
            assertEquals(1L, RunningStack.row(db, "select count(*) n from product p join exposure e on e.id = p.exposure_id "
                    + "where e.name = ? and p.kind = 'RAMP'", NAME).get("n"), "no product row of the refused file");
            assertCorrectedRampsEqualTheFile(db);
        }
    }

    @Test
    @Order(3)
    void aCorrectedWriterKilledMidLoadLeavesExactlyTheFilesAfterItsRestart() throws Exception {
        ExposureSpec spec = new ExposureSpec("KILL_CORRECTED_FULL_3x20", Subarray.FULL, 3, 20, "MIRIMAGE", 43);
        Map<Product, Path> files = CorrectedProducts.write(spec, temp, EnumSet.of(Product.RAMP, Product.RATEINTS), true,
                false);
        long writer = stack.servicePid("corrected-writer");
        for (Path file : files.values()) {
            stack.upload("kill/" + file.getFileName(), file);
        }
        RunningStack.await("the first corrected strips of " + spec.name(), Duration.ofMinutes(2),
                () -> count("select count(*) n from corrected_ramp_strip s join product p on p.id = s.product_id "
                        + "join exposure e on e.id = p.exposure_id where e.name = ?", spec.name()) > 0);
        ProcessHandle.of(writer).orElseThrow().destroyForcibly();
        System.out.println("SIGKILLed corrected-writer " + writer);
        for (Path file : files.values()) {
            assertEquals("LOADED", stack.awaitFinalState("kill/" + file.getFileName()), file.toString());
        }
        assertTrue(stack.servicePid("corrected-writer") != writer, "the supervisor restarted corrected-writer");
        long pixels = 1024L * 1032;
        assertEquals(3 * pixels, count("select count(*) n from corrected_ramp_v where exposure = ?", spec.name()));
        assertEquals(3 * pixels, count("select count(*) n from slope_v where exposure = ?", spec.name()));
        assertEquals(pixels, count("select count(*) n from pixeldq_v where exposure = ?", spec.name()));
        assertEquals(0L, count("select count(*) n from (select integration, row, col from corrected_ramp_v "
                + "where exposure = ? group by 1, 2, 3 having count(*) > 1) d", spec.name()), "duplicated ramps");
        float[][][][] sci = (float[][][][]) FitsArrays.image(files.get(Product.RAMP), "SCI");
        float[][][] slopes = (float[][][]) FitsArrays.image(files.get(Product.RATEINTS), "SCI");
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement("select r.integration, "
                + "r.row, r.col, r.sci, s.sci from corrected_ramp_v r join slope_v s using (exposure, integration, row, col) "
                + "where exposure = ? and col in (1, 5, 517, 1032)")) {
            query.setString(1, spec.name());
            try (ResultSet rows = query.executeQuery()) {
                int checked = 0;
                while (rows.next()) {
                    int i = rows.getInt(1) - 1;
                    int y = rows.getInt(2) - 1;
                    int x = rows.getInt(3) - 1;
                    float[] expected = new float[20];
                    for (int g = 0; g < 20; g++) {
                        expected[g] = sci[i][g][y][x];
                    }
                    Float[] got = floats(rows.getArray(4));
                    float[] gotRamp = new float[got.length];
                    for (int g = 0; g < got.length; g++) {
                        gotRamp[g] = got[g];
                    }
                    assertArrayEquals(expected, gotRamp, "ramp at " + (i + 1) + "/" + (y + 1) + "/" + (x + 1));
                    assertEquals(Float.floatToIntBits(slopes[i][y][x]), Float.floatToIntBits(rows.getFloat(5)));
                    checked++;
                }
                assertEquals(3 * 1024 * 4, checked);
            }
        }
    }

    @Test
    @Order(4)
    void aChangedFileUnderTheSameKeyReplacesItsProductWithoutAGap() throws Exception {
        String key = "replace/REPLACE_SUB64_rate.fits";
        Path first = rate(1);
        stack.upload(key, first);
        assertEquals("LOADED", stack.awaitFinalState(key));
        assertSlopesEqual(first);
        Path changed = rate(2);
        String newChecksum = sha256(changed);
        stack.upload(key, changed);
        // Until the new version shows, every look finds the whole old one: never a mix, never none.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Map<String, Object> now;
            try (Connection db = stack.database()) {
                now = RunningStack.row(db, "select count(*) n, count(distinct product_id) versions, min(p.checksum) checksum "
                        + "from slope_v s join product p on p.id = s.product_id where exposure = ? and p.derived_from is null",
                        "REPLACE_SUB64");
            }
            assertEquals(4_608L, now.get("n"), "slopes visible during the replacement");
            assertEquals(1L, now.get("versions"));
            if (newChecksum.equals(now.get("checksum"))) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the changed file was not loaded in time");
            Thread.sleep(20);
        }
        assertSlopesEqual(changed);
    }

    @Test
    @Order(5)
    void theApiServesThePixelsLifeAsTheFilesHoldItAndOnlyAnAdminDeletesIt() throws Exception {
        // The exposure loaded by the pipeline above, read back the way a notebook reads it.
        HttpResponse<String> response = http("GET", "/api/v1/pixels/MIRIMAGE/779/5", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode life = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(response.body());
        assertEquals(802_901, life.path("pixelId").asInt()); // (779 - 1) * 1032 + 5
        JsonNode exposure = life.path("exposures").path(0);
        assertEquals(NAME, exposure.path("name").asText());
        float[][][][] sci = (float[][][][]) FitsArrays.image(DATA.resolve(RAMP), "SCI");
        float[][][] slopes = (float[][][]) FitsArrays.image(DATA.resolve(RATEINTS), "SCI");
        for (int i = 1; i <= 5; i++) {
            JsonNode corrected = exposure.path("corrected").path(i - 1);
            assertEquals(i, corrected.path("integration").asInt());
            assertEquals(50, exposure.path("raw").path(i - 1).path("samples").size());
            for (int g = 0; g < 50; g++) {
                assertEquals(Float.floatToIntBits(sci[i - 1][g][0][4]), Float.floatToIntBits(asFloat(corrected.path("sci").path(g))),
                        "SCI integration " + i + " group " + (g + 1));
            }
            JsonNode slope = exposure.path("slopes").path(i - 1);
            assertEquals(i, slope.path("integration").asInt());
            assertEquals(Float.floatToIntBits(slopes[i - 1][0][4]), Float.floatToIntBits(asFloat(slope.path("sci"))));
        }
        int refused = http("DELETE", "/api/v1/exposures/" + NAME, null).statusCode();
        assertTrue(refused == 401 || refused == 403, "DELETE without a token answered " + refused);
        assertEquals(23_040L, count("select count(*) n from raw_ramp_v where exposure = ?", NAME));
        String admin = stack.status.path("adminToken").asText();
        HttpResponse<String> deleted = http("DELETE", "/api/v1/exposures/" + NAME, admin);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(404, http("GET", "/api/v1/exposures/" + NAME, null).statusCode());
        assertEquals(404, http("DELETE", "/api/v1/exposures/" + NAME, admin).statusCode());
        for (String table : List.of("product", "raw_ramp_strip", "corrected_ramp_strip", "pixeldq_strip", "slope_strip")) {
            assertEquals(0L, count("select count(*) n from " + table + " t where t." + (table.equals("product")
                    ? "exposure_id" : "product_id") + " in (select " + (table.equals("product") ? "e.id from exposure e"
                    : "p.id from product p join exposure e on e.id = p.exposure_id") + " where e.name = ?)", NAME), table);
        }
        assertEquals(0L, count("select count(*) n from exposure where name = ?", NAME));
    }

    static float asFloat(JsonNode value) {
        return value.isNull() ? Float.NaN : value.decimalValue().floatValue();
    }

    static HttpResponse<String> http(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.status.path("api").asText() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Path rate(long seed) throws Exception {
        ExposureSpec spec = new ExposureSpec("REPLACE_SUB64", Subarray.SUB64, 2, 5, "MIRIMAGE", seed);
        return CorrectedProducts.write(spec, Files.createDirectories(temp.resolve("seed" + seed)),
                EnumSet.of(Product.RATE), true, false).get(Product.RATE);
    }

    static void assertSlopesEqual(Path file) throws Exception {
        float[][] sci = (float[][]) FitsArrays.image(file, "SCI");
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement(
                "select row, col, sci from slope_v where exposure = ? and kind = 'RATE'")) {
            query.setString(1, "REPLACE_SUB64");
            int pixels = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertEquals(Float.floatToIntBits(sci[rows.getInt(1) - 779][rows.getInt(2) - 1]),
                            Float.floatToIntBits(rows.getFloat(3)), "RATE at " + rows.getInt(1) + "," + rows.getInt(2));
                    pixels++;
                }
            }
            assertEquals(4_608, pixels);
        }
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    static long count(String sql, String exposure) {
        try (Connection db = stack.database()) {
            return (long) RunningStack.row(db, sql, exposure).get("n");
        } catch (Exception e) {
            return 0;
        }
    }

    static void assertCorrectedRampsEqualTheFile(Connection db) throws Exception {
        Path file = DATA.resolve(RAMP);
        float[][][][] sci = (float[][][][]) FitsArrays.image(file, "SCI");
        float[][][][] err = (float[][][][]) FitsArrays.image(file, "ERR");
        byte[][][][] groupdq = (byte[][][][]) FitsArrays.image(file, "GROUPDQ");
        int ramps = 0;
        for (ResultSet rows : query(db, "select integration, row, col, sci, err, groupdq from corrected_ramp_v where exposure = ?")) {
            int i = rows.getInt(1) - 1;
            int y = rows.getInt(2) - 779;
            int x = rows.getInt(3) - 1;
            Float[] gotSci = floats(rows.getArray(4));
            Float[] gotErr = floats(rows.getArray(5));
            Integer[] gotDq = (Integer[]) rows.getArray(6).getArray();
            assertEquals(50, gotSci.length);
            for (int g = 0; g < 50; g++) {
                String where = "integration " + (i + 1) + " row " + (y + 779) + " col " + (x + 1) + " group " + (g + 1);
                assertEquals(Float.floatToIntBits(sci[i][g][y][x]), Float.floatToIntBits(gotSci[g]), "SCI " + where);
                assertEquals(Float.floatToIntBits(err[i][g][y][x]), Float.floatToIntBits(gotErr[g]), "ERR " + where);
                assertEquals(groupdq[i][g][y][x] & 0xFF, gotDq[g], "GROUPDQ " + where);
            }
            ramps++;
        }
        assertEquals(23_040, ramps);
    }

    static void assertPixelDqEqualsTheFile(Connection db) throws Exception {
        int[][] pixeldq = (int[][]) FitsArrays.image(DATA.resolve(RAMP), "PIXELDQ");
        int pixels = 0;
        for (ResultSet rows : query(db, "select row, col, pixeldq from pixeldq_v where exposure = ?")) {
            assertEquals(FitsArrays.unsigned32(pixeldq[rows.getInt(1) - 779][rows.getInt(2) - 1]), rows.getLong(3),
                    "PIXELDQ row " + rows.getInt(1) + " col " + rows.getInt(2));
            pixels++;
        }
        assertEquals(4_608, pixels);
    }

    static void assertSlopesEqualTheFile(Connection db) throws Exception {
        Path file = DATA.resolve(RATEINTS);
        List<String> names = List.of("SCI", "ERR", "VAR_POISSON", "VAR_RNOISE");
        float[][][][] expected = new float[4][][][];
        for (int n = 0; n < 4; n++) {
            expected[n] = (float[][][]) FitsArrays.image(file, names.get(n));
        }
        int[][][] dq = (int[][][]) FitsArrays.image(file, "DQ");
        int slopes = 0;
        for (ResultSet rows : query(db, "select integration, row, col, sci, err, var_poisson, var_rnoise, dq "
                + "from slope_v where exposure = ? and kind = 'RATEINTS'")) {
            int i = rows.getInt(1) - 1;
            int y = rows.getInt(2) - 779;
            int x = rows.getInt(3) - 1;
            for (int n = 0; n < 4; n++) {
                assertEquals(Float.floatToIntBits(expected[n][i][y][x]), Float.floatToIntBits(rows.getFloat(4 + n)),
                        names.get(n) + " integration " + (i + 1) + " row " + (y + 779) + " col " + (x + 1));
            }
            assertEquals(FitsArrays.unsigned32(dq[i][y][x]), rows.getLong(8), "DQ at " + (y + 779) + "," + (x + 1));
            slopes++;
        }
        assertEquals(23_040, slopes);
    }

    /** The rows of a query about this test's exposure, for a for-each loop. */
    static Iterable<ResultSet> query(Connection db, String sql) throws Exception {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.setString(1, NAME);
        ResultSet rows = statement.executeQuery();
        return () -> new java.util.Iterator<>() {
            boolean advanced;
            boolean more;

            @Override
            public boolean hasNext() {
                try {
                    if (!advanced) {
                        more = rows.next();
                        advanced = true;
                    }
                    if (!more) {
                        statement.close();
                    }
                    return more;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public ResultSet next() {
                hasNext();
                advanced = false;
                return rows;
            }
        };
    }

    static Float[] floats(Array array) throws Exception {
        return (Float[]) array.getArray();
    }
}
