package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
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
import org.miri.pixeldb.schemas.IngestState;

/**
 * Issue 6, item 5, as docs/ingest.md states it: the same content again is a no-op (same key or another key);
 * changed content under the same key replaces the product in one commit; an exposure deleted through the API
 * and dropped again loads again. The real JPL8 raw file, on a running stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StackTest
class ReingestTest {

    static final String KEY = "reingest/REINGEST.fits";
    static final String EXPOSURE = "REINGEST";
    static final String FIRST_SAMPLE = "select samples[1] v from raw_ramp_v where exposure = ? and integration = 1"
            + " and row = 779 and col = 1";
    static final String PRODUCT = "select p.id, p.checksum, p.loaded_at, (select count(*) from chunk_ledger l"
            + " where l.product_id = p.id) chunks from product p join exposure e on e.id = p.exposure_id where e.name = ?"
            + " and p.derived_from is null";
    @RegisterExtension
    static final RunningStack stack = RunningStack.forJplExposure("reingest-stack");

    @TempDir
    static Path temp;

    @BeforeAll
    static void loadTheFirstTime() throws Exception {
        stack.upload(KEY, JplExposure.rawFile());
        assertEquals("LOADED", stack.awaitFinalState(KEY));
    }

    @Test
    @Order(1)
    void theSameContentUnderTheSameKeyAgainIsANoOp() throws Exception {
        Map<String, Object> before = product();
        stack.upload(KEY, JplExposure.rawFile());
        // A new upload is split again (its own version), and the writers find every chunk in their ledger.
        RunningStack.await("a second SPLIT of " + KEY, Duration.ofMinutes(2),
                () -> stack.manifestStates(KEY).stream().filter(s -> s == IngestState.SPLIT).count() == 2);
        Thread.sleep(3000); // the writers' poll after the split; the ledger makes it a no-op either way
        assertEquals(before, product(), "product row, load time and ledger unchanged");
        assertEquals((long) JplExposure.RAMPS, ramps());
    }

    @Test
    @Order(2)
    void theSameContentUnderAnotherKeyIsANoOp() throws Exception {
        Map<String, Object> before = product();
        String other = "reingest/elsewhere/REINGEST.fits";
        stack.upload(other, JplExposure.rawFile());
        assertEquals("LOADED", stack.awaitFinalState(other), "the other key is logged as loaded: its product is");
        assertEquals(before, product());
        assertEquals((long) JplExposure.RAMPS, ramps());
    }

    @Test
    @Order(3)
    void changedContentUnderTheSameKeyReplacesTheProductAtomically() throws Exception {
        int oldSample = firstSample();
        FitsBytes changed = FitsBytes.parse(Files.readAllBytes(JplExposure.rawFile()));
        ByteBuffer data = ByteBuffer.wrap(changed.primary().data);
        short stored = (short) (data.getShort(0) ^ 0x0100);
        data.putShort(0, stored);
        int newSample = stored + 32768;
        Path file = Files.write(temp.resolve("REINGEST.fits"), changed.bytes());
        stack.upload(KEY, file);
        // Polled while the new version loads beside the old: always one ramp, the old value or the new one.
        List<Integer> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection db = stack.database()) {
            int now;
            do {
                assertTrue(System.nanoTime() < deadline, "the changed file did not replace the product; saw " + seen);
                now = ((Number) RunningStack.row(db, FIRST_SAMPLE, EXPOSURE).get("v")).intValue();
                assertTrue(now == oldSample || now == newSample, "a sample of neither version: " + now);
                if (seen.isEmpty() || seen.get(seen.size() - 1) != now) {
                    seen.add(now);
                }
                Thread.sleep(20);
            } while (now != newSample);
            // Products read from files: the QUICKLOOK the API derives from the RAW version comes and goes with it.
            assertEquals(1L, RunningStack.row(db, "select count(*) n from product p join exposure e on e.id = p.exposure_id"
                    + " where e.name = ? and p.derived_from is null", EXPOSURE).get("n"), "the old version is gone");
        }
        assertEquals(List.of(oldSample, newSample), seen);
        assertEquals((long) JplExposure.RAMPS, ramps());
    }

    @Test
    @Order(4)
    void anExposureDeletedThroughTheApiAndDroppedAgainLoadsAgain() throws Exception {
        String admin = stack.status.path("adminToken").asText();
        assertEquals(200, stack.api("DELETE", "/api/v1/exposures/" + EXPOSURE, admin).statusCode());
        assertEquals(0L, ramps());
        stack.upload(KEY, JplExposure.rawFile());
        assertEquals("LOADED", stack.awaitFinalState(KEY));
        RunningStack.await("the exposure loaded again", Duration.ofMinutes(2), () -> {
            try {
                return ramps() == JplExposure.RAMPS;
            } catch (Exception e) {
                return false;
            }
        });
        try (Connection db = stack.database()) {
            JplExposure.read().assertEverySampleEqualsTheFile(db, EXPOSURE);
        }
    }

    static Map<String, Object> product() throws Exception {
        try (Connection db = stack.database()) {
            return RunningStack.row(db, PRODUCT, EXPOSURE);
        }
    }

    static long ramps() throws Exception {
        try (Connection db = stack.database()) {
            return (long) RunningStack.row(db, "select count(*) n from raw_ramp_v where exposure = ?", EXPOSURE).get("n");
        }
    }

    static int firstSample() throws Exception {
        try (Connection db = stack.database()) {
            return ((Number) RunningStack.row(db, FIRST_SAMPLE, EXPOSURE).get("v")).intValue();
        }
    }
}
