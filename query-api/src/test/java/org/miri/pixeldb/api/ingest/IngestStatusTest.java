package org.miri.pixeldb.api.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.api.testdata.SplitterStandIn;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.ingest.ChunkStream;
import org.miri.pixeldb.loader.ingest.WriterRole;
import org.miri.pixeldb.loader.ingest.WriterRuntime;
import org.miri.pixeldb.loader.ingest.WriterSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The ingest status end to end on real Kafka and PostgreSQL: the splitter's events and chunks of the real JPL8 SUB64
 * files (the splitter's own code, without S3), real writers committing and acknowledging, the topology running in
 * this query-api, and the status endpoints reading what it wrote.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class IngestStatusTest {

    private static final String NAME = "STATUS_SUB64";

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();
    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;

    /** Other tests of this JVM share the database: whatever a failed run left of the exposure goes, with its status. */
    @AfterEach
    void deleteTheExposure() throws Exception {
        for (String name : List.of(NAME, "BADSTATUS")) {
            given().auth().oauth2(TestTokens.admin(db)).when().delete("/api/v1/exposures/" + name);
        }
    }

    @Test
    void theSub64FilesReachLoadedWithTimingsAndABadFileIsRejectedWithItsReason(@TempDir Path dir) throws Exception {
        List<String> files = List.of(SharedExposure.NAME + ".fits", SharedExposure.RAW, SharedExposure.RAMP,
                SharedExposure.RATEINTS);
        Path bad = Files.writeString(dir.resolve("BADSTATUS_uncal.fits"), "SIMPLE  = this is no FITS file");
        try (WriterRuntime writer = writer(); SplitterStandIn splitter = new SplitterStandIn(bootstrapServers)) {
            for (String file : files) {
                splitter.drop(SharedExposure.file(file), "jpl8/" + file.replace(SharedExposure.NAME, NAME));
            }
            splitter.drop(bad, "bad/BADSTATUS_uncal.fits");
            await(NAME, 4);
            JsonPath status = given().when().get("/api/v1/exposures/" + NAME + "/status").jsonPath();
            List<Map<String, Object>> products = status.getList("products");
            assertEquals(List.of("RAW", "RAW", "RAMP", "RATEINTS"), products.stream().map(p -> p.get("product")).toList(),
                    status.prettify());
            for (int i = 0; i < products.size(); i++) {
                String product = "products[" + i + "].";
                assertEquals("LOADED", status.getString(product + "state"), status.prettify());
                assertEquals(status.getInt(product + "chunkCount"), status.getInt(product + "chunksLoaded"), status.prettify());
                assertEquals(status.getLong(product + "rampCount"), status.getLong(product + "rampsLoaded"), status.prettify());
                Instant received = Instant.parse(status.getString(product + "transitions.RECEIVED"));
                Instant loading = Instant.parse(status.getString(product + "transitions.LOADING"));
                Instant loaded = Instant.parse(status.getString(product + "transitions.LOADED"));
                assertTrue(!received.isAfter(loading) && !loaded.isBefore(received), status.prettify());
            }
            // The JPL-layout raw file came first; the converted one is another file for the same RAW product with
            // the same values, so the writers found it identical and stored nothing more: LOADED, with their note.
            String jplFile = "test-bucket/jpl8/" + NAME + ".fits";
            String note = "identical to the loaded object " + jplFile + " (every stored value compared): nothing more stored";
            assertEquals(jplFile, status.getString("products[0].objectKey"));
            assertNull(status.getString("products[0].reason"));
            assertEquals("test-bucket/jpl8/" + NAME + "_pipe.fits", status.getString("products[1].objectKey"));
            assertEquals(note, status.getString("products[1].reason"));
            for (int i : new int[] {0, 1}) {
                assertEquals(5 * 64 * (72 + 18), status.getLong("products[" + i + "].rampCount"));
            }
            // One RAW product, its 5 x 64 x 72 science ramps once, and the converted file logged LOADED with the note.
            assertEquals(List.of(1L, 5L * 64 * 72, "LOADED " + note), readersSee(NAME));

            // Its RATEINTS LOADED, the fold has the exposure's detector health evaluated (decision 0017).
            awaitHealth(NAME);

            JsonPath rejected = await("BADSTATUS", Map.of("RAW", "REJECTED"));
            assertTrue(rejected.getString("products[0].reason").length() > 10, rejected.prettify());
            assertTrue(rejected.getString("products[0].transitions.REJECTED") != null, rejected.prettify());
        }
        given().queryParam("state", "rejected").when().get("/api/v1/ingest").then().statusCode(200)
                .body("products.exposure", org.hamcrest.Matchers.hasItem("BADSTATUS"));
        given().queryParam("state", "LOADED").queryParam("limit", "1").when().get("/api/v1/ingest").then()
                .statusCode(200).body("products.size()", equalTo(1)).body("next", containsString("cursor="));
        given().auth().oauth2(TestTokens.admin(db)).when().delete("/api/v1/exposures/" + NAME).then().statusCode(200);
        given().when().get("/api/v1/exposures/" + NAME + "/status").then().statusCode(404);
        theSameFileDroppedAgainAfterTheDeleteStartsAFreshStatus();
    }

    /**
     * Issue 13, item 10: the JPL raw file dropped again under its key after the delete. Until the writers commit it,
     * its status is the new upload's (RECEIVED after the delete, not LOADED), and the other files of the deleted load
     * do not come back with it; once loaded, its times are the new load's and in order.
     */
    private void theSameFileDroppedAgainAfterTheDeleteStartsAFreshStatus() throws Exception {
        Instant deleted = Instant.now();
        String file = SharedExposure.NAME + ".fits";
        try (SplitterStandIn splitter = new SplitterStandIn(bootstrapServers)) {
            // No writer runs: the file is split, and nothing of it is committed.
            splitter.drop(SharedExposure.file(file), "jpl8/" + file.replace(SharedExposure.NAME, NAME));
        }
        JsonPath split = await(NAME, Map.of("RAW", "LOADING"));
        assertEquals(1, split.getList("products").size(), split.prettify());
        assertEquals(0, split.getInt("products[0].chunksLoaded"), split.prettify());
        assertTrue(!Instant.parse(split.getString("products[0].transitions.RECEIVED")).isBefore(deleted), split.prettify());
        assertEquals(List.of("RECEIVED", "LOADING"), List.copyOf(split.getMap("products[0].transitions").keySet()),
                split.prettify());
        try (WriterRuntime writer = writer()) {
            await(NAME, 1);
        }
        JsonPath loaded = given().when().get("/api/v1/exposures/" + NAME + "/status").jsonPath();
        assertEquals("LOADED", loaded.getString("products[0].state"), loaded.prettify());
        assertEquals(loaded.getInt("products[0].chunkCount"), loaded.getInt("products[0].chunksLoaded"), loaded.prettify());
        List<Instant> times = loaded.getMap("products[0].transitions").values().stream()
                .map(t -> Instant.parse((String) t)).toList();
        assertTrue(!times.get(0).isBefore(deleted), loaded.prettify());
        assertEquals(times.stream().sorted().toList(), times, "transitions in order: " + loaded.prettify());
    }

    @Test
    void unknownExposuresAndBadParametersAreNamed() {
        given().when().get("/api/v1/exposures/NO_SUCH_EXPOSURE/status").then().statusCode(404)
                .body("parameter", equalTo("name"));
        given().queryParam("state", "DONE").when().get("/api/v1/ingest").then().statusCode(400)
                .body("parameter", equalTo("state"));
        given().queryParam("limit", "0").when().get("/api/v1/ingest").then().statusCode(400)
                .body("parameter", equalTo("limit"));
        given().queryParam("cursor", "zzz").when().get("/api/v1/ingest").then().statusCode(400)
                .body("parameter", equalTo("cursor"));
    }

    /** RAW product versions of the exposure, the ramps the view shows, and the converted file's ingest-log entry. */
    private List<Object> readersSee(String exposure) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select (select count(*) from product p join exposure e on e.id = p.exposure_id where e.name = ?"
                + " and p.kind = 'RAW'), (select count(*) from raw_ramp_v where exposure = ?), (select state || ' '"
                + " || reason from ingest_log where object_key = ?)")) {
            query.setString(1, exposure);
            query.setString(2, exposure);
            query.setString(3, "jpl8/" + exposure + "_pipe.fits");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return List.of(row.getLong(1), row.getLong(2), row.getString(3));
            }
        }
    }

    private WriterRuntime writer() {
        WriterRole everything = new WriterRole("status-test-writer", List.of(ProductKind.values()), true, List.of(
                ChunkStream.of(Topic.RAW_RAMPS, RawRampChunk.class, ChunkWriter.rawRamps()),
                ChunkStream.of(Topic.CORRECTED_RAMPS, CorrectedRampChunk.class, ChunkWriter.correctedRamps()),
                ChunkStream.of(Topic.SLOPES, SlopeChunk.class, ChunkWriter.slopes())));
        return new WriterRuntime(everything, new WriterSettings(bootstrapServers, 64, Duration.ofMinutes(10),
                Duration.ofSeconds(10)), db);
    }

    /** Polls the exposure's detector health until it is served (a minute at most). */
    private void awaitHealth(String exposure) throws Exception {
        String detector;
        try (Connection connection = db.getConnection(); ResultSet rs = connection.createStatement().executeQuery(
                "select d.name from exposure e join detector d on d.sca_id = e.sca_id where e.name = '" + exposure + "'")) {
            rs.next();
            detector = rs.getString(1);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (given().queryParam("exposure", exposure).when().get("/api/v1/detectors/" + detector + "/health")
                .statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the health of " + exposure + " was not evaluated after its RATEINTS loaded");
            }
            Thread.sleep(250);
        }
        given().queryParam("exposure", exposure).when().get("/api/v1/detectors/" + detector + "/health").then()
                .body("product", equalTo("RATEINTS")).body("integrations", equalTo(5));
    }

    /** Polls the status endpoint until it lists {@code rows} objects, none of them in flight. */
    private static void await(String exposure, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().when().get("/api/v1/exposures/" + exposure + "/status");
            if (response.statusCode() == 200 && response.jsonPath().getList("products").size() == rows
                    && response.jsonPath().getList("products.state").stream().allMatch(
                            state -> state.equals("LOADED") || state.equals("REJECTED"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("status of " + exposure + " did not settle with " + rows + " objects");
    }

    /** Polls the status endpoint until every product named is in its state (two minutes at most). */
    private static JsonPath await(String exposure, Map<String, String> states) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            var response = given().when().get("/api/v1/exposures/" + exposure + "/status");
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                JsonPath json = last;
                if (states.entrySet().stream().allMatch(e -> e.getValue().equals(
                        json.getString("products.find { it.product == '" + e.getKey() + "' }.state")))) {
                    return last;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("status of " + exposure + " did not reach " + states + ": "
                + (last == null ? "404" : last.prettify()));
    }
}
