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
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real JPL8 SUB64 exposure dropped into the bucket of a running stack ends up in PostgreSQL,
 * every sample equal to the file's; re-drops, a SIGKILLed writer and malformed files change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawIngestTest {

    static final String NAME = JplExposure.NAME;
    static final Path DATA = JplExposure.DATA;
    static RunningStack stack;
    static JplExposure jpl;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(JplExposure.available(), JplExposure.absentMessage());
        jpl = JplExposure.read();
        stack = new RunningStack("raw-ingest-stack");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
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
        var spec = new org.miri.pixeldb.stack.synth.ExposureSpec("KILL_FULL_3x20", org.miri.pixeldb.stack.synth.Subarray.FULL,
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
