package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JPL8 SUB64 exposure dropped into the bucket of a running stack ends up in PostgreSQL,
 * every sample equal to the file's; re-drops, a SIGKILLed writer and malformed files change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StackTest
class RawIngestTest {

    static final String NAME = JplExposure.NAME;
    static final Path DATA = JplExposure.DATA;
    @RegisterExtension
    static final RunningStack stack = RunningStack.forJplExposure("raw-ingest-stack");
    static JplExposure jpl;

    @TempDir
    static Path temp;

    @BeforeAll
    static void read() throws Exception {
        jpl = JplExposure.read();
    }

    @Test
    @Order(1)
    void theJplRawFileBecomesOneExposureWithEverySample() throws Exception {
        stack.upload("jpl8/" + NAME + ".fits", DATA.resolve(NAME + ".fits"));
        awaitLogged("jpl8/" + NAME + ".fits");
        try (Connection db = stack.database()) {
            Map<String, Object> exposure = row(db, "select e.subarray, e.substrt1, e.substrt2, e.nints, e.ngroups, "
                    + "d.name, e.origin from exposure e join detector d using (sca_id) where e.name = ?", NAME);
            assertEquals(Map.of("subarray", "SUB64", "substrt1", 1, "substrt2", 779, "nints", 5, "ngroups", 50,
                    "name", "MIRIMAGE", "origin", "JPL"), exposure);
            assertEquals(5L, row(db, "select count(*) n from raw_ramp_v where exposure = ? and row = 779 and col = 1 "
                    + "and pixel_id = 802897", NAME).get("n"));
            assertEquals(5L * 64 * 18, row(db, "select count(*) n from refout_ramp_v where exposure = ?", NAME).get("n"));
            assertEverySampleEqualsTheFile(db, NAME);
        }
    }

    @Test
    @Order(2)
    void droppingThePipeFileAndTheSameFileAgainChangesNothing() throws Exception {
        stack.upload("jpl8/" + NAME + "_pipe.fits", DATA.resolve(NAME + "_pipe.fits"));
        stack.upload("again/" + NAME + ".fits", DATA.resolve(NAME + ".fits"));
        assertEquals("LOADED", stack.awaitFinalState("again/" + NAME + ".fits"));
        // Another file for the RAW product with the same values: found identical once loaded, and nothing more kept.
        assertEquals("LOADED", stack.awaitFinalState("jpl8/" + NAME + "_pipe.fits"));
        try (Connection db = stack.database()) {
            String reason = (String) row(db, "select reason from ingest_log where object_key = ?",
                    "jpl8/" + NAME + "_pipe.fits").get("reason");
            assertTrue(reason.startsWith("identical to the loaded object ") && reason.contains("/jpl8/" + NAME + ".fits "),
                    reason);
            assertEquals(23_040L, row(db, "select count(*) n from raw_ramp_v where exposure = ?", NAME).get("n"));
            assertEverySampleEqualsTheFile(db, NAME);
        }
    }

    @Test
    @Order(3)
    void malformedFilesAreRejectedWithTheirReasonAndWriteNothing() throws Exception {
        byte[] good = Files.readAllBytes(DATA.resolve(NAME + ".fits"));
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("BAD_NOT_FITS", "this is a text file, not FITS".repeat(100).getBytes());
        bad.put("BAD_TRUNCATED", java.util.Arrays.copyOf(good, good.length / 3));
        bad.put("BAD_BITPIX", FitsEdits.withValue(good, "BITPIX", "32"));
        bad.put("BAD_NGROUPS", FitsEdits.withValue(good, "NGROUPS", "49"));
        bad.put("BAD_INSTRUME", FitsEdits.withString(good, "INSTRUME", "NIRCAM"));
        bad.put("BAD_OFF_DETECTOR", FitsEdits.withValue(good, "ROWSTART", "1000"));
        Map<String, String> expectedWords = Map.of("BAD_NOT_FITS", "FITS", "BAD_TRUNCATED", "truncated",
                "BAD_BITPIX", "BITPIX", "BAD_NGROUPS", "NGROUPS", "BAD_INSTRUME", "NIRCAM", "BAD_OFF_DETECTOR", "1024");
        for (var file : bad.entrySet()) {
            Path path = temp.resolve(file.getKey() + ".fits");
            Files.write(path, file.getValue());
            stack.upload("bad/" + file.getKey() + ".fits", path);
        }
        try (Connection db = stack.database()) {
            for (String name : bad.keySet()) {
                awaitLogged("bad/" + name + ".fits");
                Map<String, Object> entry = row(db, "select state, reason from ingest_log where object_key = ?",
                        "bad/" + name + ".fits");
                System.out.println("rejected bad/" + name + ".fits: " + entry.get("reason"));
                assertEquals("REJECTED", entry.get("state"), name);
                assertTrue(String.valueOf(entry.get("reason")).contains(expectedWords.get(name)), name + ": " + entry);
            }
            assertEquals(0L, row(db, "select count(*) n from exposure where name like 'BAD%'").get("n"));
        }
    }

    @Test
    @Order(4)
    void aRampWriterKilledMidLoadLeavesExactlyTheFileAfterItsRestart() throws Exception {
        // Big enough to be caught mid-load: a synthetic FULL-frame exposure, 3 integrations of 20 groups.
        var spec = new org.miri.pixeldb.stack.synth.ExposureSpec("KILL_FULL_3x20", org.miri.pixeldb.model.Subarray.FULL,
                3, 20, "MIRIMAGE", 42);
        Path file = org.miri.pixeldb.stack.synth.JwstRawLayout.write(spec, temp);
        long writer = stack.servicePid("ramp-writer");
        stack.upload("kill/" + file.getFileName(), file);
        long expectedStrips = 3L * 1024;
        RunningStack.await("the first strips of " + spec.name(), Duration.ofMinutes(2), () -> strips(spec.name()) > 0);
        long before = strips(spec.name());
        ProcessHandle.of(writer).orElseThrow().destroyForcibly();
        System.out.println("SIGKILLed ramp-writer " + writer + " with " + before + " strips loaded");
        awaitLogged("kill/" + file.getFileName());
        assertTrue(before < expectedStrips, "the kill came after the load: " + before);
        try (Connection db = stack.database()) {
            assertEquals("LOADED", row(db, "select state from ingest_log where object_key = ?",
                    "kill/" + file.getFileName()).get("state"));
            assertEquals(3L * 1024 * 1032, row(db, "select count(*) n from raw_ramp_v where exposure = ?", spec.name()).get("n"));
            assertEquals(0L, row(db, "select count(*) n from (select integration, row, col from raw_ramp_v where exposure = ? "
                    + "group by 1, 2, 3 having count(*) > 1) d", spec.name()).get("n"), "duplicated ramps");
            var model = new org.miri.pixeldb.stack.synth.RampModel(42);
            int[] expected = new int[20];
            try (PreparedStatement query = db.prepareStatement("select integration, row, col, samples from raw_ramp_v "
                    + "where exposure = ? and col in (1, 5, 517, 1032)")) {
                query.setString(1, spec.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int col = rows.getInt(3);
                        model.ramp(rows.getInt(1), rows.getInt(2), col, col <= 4 || col >= 1029, expected);
                        Integer[] got = (Integer[]) rows.getArray(4).getArray();
                        assertArrayEquals(expected, java.util.Arrays.stream(got).mapToInt(Integer::intValue).toArray());
                    }
                }
            }
        }
        assertTrue(stack.servicePid("ramp-writer") != writer, "the supervisor restarted ramp-writer");
    }

    /**
     * Issue 13, item 3: FITS cubes are assembled in memory, up to 256 MiB each; six concurrent full-frame requests
     * (127 MB of samples each) against query-api's 512 MB heap killed it. Now they share a memory budget: each
     * answer is complete (200) or refused for now (503 with Retry-After), and the API stays up and right.
     */
    @Test
    @Order(5)
    void concurrentFullFrameFitsRequestsLeaveTheApiAlive() throws Exception {
        long api = stack.servicePid("query-api");
        long dataBytes = 3L * 20 * 1024 * 1032 * 2;
        String url = stack.status.path("api").asText() + "/api/v1/exposures/KILL_FULL_3x20/ramps?format=fits";
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int n = 0; n < 6; n++) {
            answers.add(pool.submit(() -> {
                var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                long bytes;
                try (var body = response.body()) {
                    bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
                }
                return response.statusCode() + " " + bytes + " " + response.headers().firstValue("Retry-After").orElse("-");
            }));
        }
        int complete = 0;
        for (var answer : answers) {
            String[] outcome = answer.get(5, java.util.concurrent.TimeUnit.MINUTES).split(" ");
            System.out.println("full-frame FITS request: status " + outcome[0] + ", " + outcome[1] + " bytes, Retry-After "
                    + outcome[2]);
            if (outcome[0].equals("200")) {
                long bytes = Long.parseLong(outcome[1]);
                assertTrue(bytes > dataBytes && bytes % 2880 == 0, "a whole FITS file: " + bytes);
                complete++;
            } else {
                assertEquals("503", outcome[0], "200 or 503, nothing else");
                assertEquals("5", outcome[2], "a 503 says when to retry");
            }
        }
        pool.shutdown();
        assertTrue(complete >= 1, "at least one request was answered");
        assertEquals(api, stack.servicePid("query-api"), "query-api died and was restarted");
        assertEquals(200, stack.api("GET", "/q/health/live", null).statusCode());
        // And it still answers right: a ramp as JSON equals the database's.
        String ramp = stack.api("GET", "/api/v1/exposures/KILL_FULL_3x20/ramps?rows=500&cols=517&integration=2", null).body();
        try (Connection db = stack.database()) {
            Object samples = row(db, "select array_to_string(samples, ',') s from raw_ramp_v where exposure = ? "
                    + "and integration = 2 and row = 500 and col = 517", "KILL_FULL_3x20").get("s");
            assertTrue(ramp.replace(" ", "").contains("[" + samples + "]"), ramp);
        }
    }

    /**
     * Issue 13, item 17: the bench's per-product bytes were a share of each table's size by row count, so the space
     * a deleted exposure left behind was charged to the products still there (108x for a _ramp of 1.16x). A
     * product's own bytes must not change when another product is deleted.
     */
    @Test
    @Order(6)
    void aProductsDatabaseBytesIgnoreWhatDeletedProductsLeftBehind() throws Exception {
        long fitsBytes = Files.size(DATA.resolve(NAME + ".fits"));
        long before;
        try (Connection db = stack.database()) {
            before = new org.miri.pixeldb.stack.ingest.DatabaseBytes(db).ofProduct(NAME, "RAW").orElseThrow();
        }
        String admin = stack.status.path("adminToken").asText();
        assertEquals(200, stack.api("DELETE", "/api/v1/exposures/KILL_FULL_3x20", admin).statusCode());
        long after;
        try (Connection db = stack.database()) {
            after = new org.miri.pixeldb.stack.ingest.DatabaseBytes(db).ofProduct(NAME, "RAW").orElseThrow();
        }
        System.out.printf("JPL8 raw product: %,d database bytes before and %,d after a full-frame delete, %.2fx its "
                + "%,d FITS bytes%n", before, after, (double) after / fitsBytes, fitsBytes);
        assertEquals(before, after, "another product's delete changed this one's bytes");
        assertTrue(after > fitsBytes * 0.9 && after < fitsBytes * 1.3, after + " bytes for " + fitsBytes + " FITS bytes");
    }

    static long strips(String exposure) {
        try (Connection db = stack.database()) {
            return (long) row(db, "select count(*) n from raw_ramp_strip s join product p on p.id = s.product_id "
                    + "join exposure e on e.id = p.exposure_id where e.name = ?", exposure).get("n");
        } catch (Exception e) {
            return 0;
        }
    }

    static void awaitRamps(String exposure, long expected) throws InterruptedException {
        RunningStack.await(expected + " ramps of " + exposure, Duration.ofMinutes(2), () -> {
            try (Connection db = stack.database()) {
                return (long) row(db, "select count(*) n from raw_ramp_v where exposure = ?", exposure).get("n") >= expected;
            } catch (Exception e) {
                return false;
            }
        });
    }

    static void awaitLogged(String key) throws InterruptedException {
        stack.awaitFinalState(key);
    }

    static void assertEverySampleEqualsTheFile(Connection db, String exposure) throws Exception {
        jpl.assertEverySampleEqualsTheFile(db, exposure);
    }

    static Map<String, Object> row(Connection db, String sql, Object... args) throws Exception {
        return RunningStack.row(db, sql, args);
    }
}
