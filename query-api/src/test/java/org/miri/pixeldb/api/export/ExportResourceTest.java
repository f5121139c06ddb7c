package org.miri.pixeldb.api.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ExportEvent;
import org.miri.pixeldb.schemas.ExportEventKind;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Export jobs without an exporter: submission, pricing against the stored rows, the fold of exporter events (sent here
 * as an exporter would) into the job's state and files, file streaming, cancellation, removal, and every kind of bad
 * request. The exporter itself is tested end to end in system-tests (ExportTest).
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExportResourceTest {

    private static final String NAME = SharedExposure.NAME;
    private static final String ALL = "{\"exposures\": [\"" + NAME + "\"], \"products\": [\"RAW\", \"REFOUT\", \"RAMP\","
            + " \"RATEINTS\", \"RATE\"]}";

    DataSource db = RealServers.shared().superuserDataSource();
    String token;

    @BeforeEach
    void load() throws Exception {
        SharedExposure.load(db, NAME);
        token = TestTokens.exporter(db);
    }

    @Test
    void aJobIsPricedAtExactlyTheStoredRowsAndCutIntoNamedParts() throws Exception {
        Response submitted = post(ALL, token);
        submitted.then().statusCode(202).header("Location", containsString("/api/v1/exports/"))
                .body("state", equalTo("QUEUED")).body("exposures", equalTo(1));
        long stored = count("select count(*) from raw_ramp_v where exposure = ?")
                + count("select count(*) from refout_ramp_v where exposure = ?")
                + count("select count(*) from corrected_ramp_v where exposure = ?")
                + count("select count(*) from slope_v where exposure = ? and kind = 'RATEINTS'");
        assertEquals(5L * 64 * (72 + 18 + 72 + 72), stored);
        assertEquals(stored, submitted.jsonPath().getLong("pricedRows"));
        // The shared exposure has no RATE file: left out with the reason, not an error.
        assertEquals(List.of(Map.of("exposure", NAME, "product", "RATE", "reason", "not loaded")),
                submitted.jsonPath().getList("skipped"));
        String id = submitted.jsonPath().getString("id");
        try (Connection c = db.getConnection(); ResultSet parts = c.createStatement().executeQuery(
                "select product, sum(priced_rows), count(*), min(file_name) from export_part where job_id = '" + id
                        + "' group by product order by product")) {
            assertTrue(parts.next());
            assertEquals("RAMP", parts.getString(1));
            assertEquals(5L * 64 * 72, parts.getLong(2));
            assertEquals(NAME + "_RAMP_r0779-0842.parquet", parts.getString(4));
        }
        // A region and an integration: clipped to the exposure's window (rows 779-842, columns 1-72).
        Response region = post("{\"exposures\": [\"" + NAME + "\"], \"products\": [\"RAW\", \"REFOUT\"], \"rows\": \"840:900\","
                + " \"cols\": \"5:12\", \"integration\": \"2\"}", token);
        region.then().statusCode(202).body("parts", equalTo(2));
        assertEquals(3L * 8 + 3L * 2, region.jsonPath().getLong("pricedRows"));
    }

    @Test
    void exporterEventsFoldIntoTheJobsStateFilesAndProgress() throws Exception {
        Response submitted = post("{\"exposures\": [\"" + NAME + "\"], \"products\": [\"RATEINTS\", \"REFOUT\"]}", token);
        String id = submitted.jsonPath().getString("id");
        int parts = submitted.jsonPath().getInt("parts");
        List<String> keys = partKeys(id);
        byte[] content = "not really parquet".getBytes();
        try (var s3 = RealServers.shared().s3().client();
                var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                        RealServers.shared().kafkaBootstrapServers(), "export-test"))) {
            send(producer, id, 0, ExportEventKind.STARTED, null);
            await(id, "RUNNING");
            for (int i = 0; i < parts; i++) {
                String key = keys.get(i);
                s3.putObject(b -> b.bucket(RealServers.shared().s3().bucket()).key(key), RequestBody.fromBytes(content));
                send(producer, id, i, ExportEventKind.DONE, key);
                // A part written twice after a crash reports twice; the job counts it once.
                send(producer, id, i, ExportEventKind.DONE, key);
                send(producer, id, i, ExportEventKind.STARTED, null);
            }
            producer.flush();
            Response done = await(id, "DONE");
            assertEquals(parts, done.jsonPath().getInt("partsDone"));
            assertEquals(parts, done.jsonPath().getList("files").size());
            assertEquals(7L * parts, done.jsonPath().getLong("rowsDone"));
            String url = done.jsonPath().getString("files[0].url");
            byte[] file = given().header("Authorization", "Bearer " + token).when().get(url).then().statusCode(200)
                    .contentType(ExportResource.PARQUET).extract().asByteArray();
            assertArrayEquals(content, file);
            given().header("Authorization", "Bearer " + token).when().delete("/api/v1/exports/" + id).then()
                    .statusCode(204);
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/exports/" + id).then()
                    .statusCode(404);
            assertTrue(s3.listObjectsV2(b -> b.bucket(RealServers.shared().s3().bucket()).prefix("exports/" + id))
                    .contents().isEmpty(), "the job's files are deleted with it");
        }
    }

    @Test
    void aFailedPartFailsTheJobAndACancelledJobStaysCancelled() throws Exception {
        String failed = post(ALL, token).jsonPath().getString("id");
        try (var producer = new KafkaProducer<String, byte[]>(KafkaSettings.producer(
                RealServers.shared().kafkaBootstrapServers(), "export-test"))) {
            send(producer, failed, 1, ExportEventKind.FAILED, null);
        }
        await(failed, "FAILED").then().body("reason", containsString("the product was replaced"));
        String cancelled = post(ALL, token).jsonPath().getString("id");
        given().header("Authorization", "Bearer " + token).when().delete("/api/v1/exports/" + cancelled).then()
                .statusCode(200).body("state", equalTo("CANCELLED"));
        given().header("Authorization", "Bearer " + token).when().delete("/api/v1/exports/" + cancelled).then()
                .statusCode(204);
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        String exposures = "\"exposures\": [\"" + NAME + "\"]";
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"rowz\": \"1:2\"}", "rowz"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"rows\": \"1:2\", \"rows\": \"3:4\"}", "body"),
                Map.entry("{" + exposures + ", \"detector\": \"MIRIMAGE\", \"products\": [\"RAW\"]}", "exposures"),
                Map.entry("{\"products\": [\"RAW\"]}", "exposures"),
                Map.entry("{" + exposures + ", \"products\": [\"SCI\"]}", "products"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\", \"raw\"]}", "products"),
                Map.entry("{" + exposures + "}", "products"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"flag\": \"JUMP_DET\"}", "flag"),
                Map.entry("{" + exposures + ", \"products\": [\"RAMP\"], \"flag\": \"NO_SUCH_FLAG\"}", "flag"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"rows\": \"900:800\"}", "rows"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"cols\": \"0:5000\"}", "cols"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"format\": \"csv\"}", "format"),
                Map.entry("{\"exposures\": \"" + NAME + "\", \"products\": [\"RAW\"]}", "exposures"),
                Map.entry("{\"exposures\": [\"" + NAME + "\", \"" + NAME + "\"], \"products\": [\"RAW\"]}", "exposures"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"], \"rows\": \"1:5\"}", "exposures"),
                Map.entry("{" + exposures + ", \"products\": [\"RAW\"]} trailing", "body"),
                Map.entry("[1, 2]", "body"),
                Map.entry("", "body"));
        for (var entry : refused.entrySet()) {
            post(entry.getKey(), token).then().statusCode(400).body("parameter", equalTo(entry.getValue()));
        }
        post("{\"exposures\": [\"NO_SUCH_EXPOSURE\"], \"products\": [\"RAW\"]}", token).then().statusCode(404)
                .body("parameter", equalTo("exposures")).body("message", containsString("NO_SUCH_EXPOSURE"));
        given().contentType("application/json").body(ALL).when().post("/api/v1/exports").then().statusCode(401);
        post(ALL, TestTokens.reader(db)).then().statusCode(403);
        post(ALL, TestTokens.admin(db)).then().statusCode(202);
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/exports/not-a-uuid").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/exports/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().when().get("/api/v1/exports/" + java.util.UUID.randomUUID()).then().statusCode(401);
    }

    private static Response post(String body, String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                .when().post("/api/v1/exports");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); var statement = c.prepareStatement(sql)) {
            statement.setString(1, NAME);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> partKeys(String id) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select object_key from export_part where job_id = '" + id + "' order by part_index")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String id, int part, ExportEventKind kind,
            String key) throws Exception {
        ExportEvent event = ExportEvent.newBuilder().setJobId(id).setPartIndex(part).setKind(kind).setExporter("test")
                .setAt(Instant.now()).setObjectKey(key).setRows(kind == ExportEventKind.DONE ? 7L : null)
                .setBytes(kind == ExportEventKind.DONE ? 18L : null)
                .setReason(kind == ExportEventKind.FAILED ? "the product was replaced" : null).build();
        producer.send(new ProducerRecord<>(Topic.EXPORT_EVENTS.topicName(), id,
                AvroMessageCodec.of(ExportEvent.class).encode(event))).get();
    }

    private Response await(String id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Response job = given().header("Authorization", "Bearer " + token).when().get("/api/v1/exports/" + id);
            job.then().statusCode(200);
            if (job.jsonPath().getString("state").equals(state) || Instant.now().isAfter(deadline)) {
                job.then().body("state", equalTo(state));
                return job;
            }
            Thread.sleep(200);
        }
    }
}
