package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs {@code ./pixeldb} as a user does, on its own data directory and ports: {@code up --detach},
 * {@code status --json}, an S3 PUT with the printed credentials, a query through the printed JDBC URL,
 * a second {@code up} refused, then {@code down}, and {@code up} again on the kept data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StackTest
class LocalStackTest {

    private static final PixelDbCli CLI = new PixelDbCli();

    @BeforeAll
    static void up() throws Exception {
        PixelDbCli.Result up = CLI.run("up", "--detach");
        assertEquals(0, up.exitCode(), up.output());
    }

    @AfterAll
    static void down() throws Exception {
        CLI.run("down");
    }

    @Test
    @Order(1)
    void statusReportsEveryPartHealthyWithItsEndpoints() throws Exception {
        JsonNode status = status();
        assertTrue(status.path("running").asBoolean(), status.toString());
        for (String part : new String[] {"kafka", "postgres", "s3", "query-api", "fits-splitter", "ramp-writer", "corrected-writer"}) {
            assertEquals("UP", status.path("health").path(part).asText(), part + " in " + status.path("health"));
        }
        assertEquals(CLI.apiUrl(), status.path("api").asText());
        assertTrue(status.path("jdbc").asText().startsWith("jdbc:postgresql://127.0.0.1:"), status.path("jdbc").asText());
    }

    @Test
    @Order(2)
    void theBucketAcceptsAPutWithThePrintedCredentials() throws Exception {
        JsonNode s3 = status().path("s3");
        S3Endpoint endpoint = new S3Endpoint(s3.path("endpoint").asText(), s3.path("region").asText(),
                s3.path("bucket").asText(), s3.path("accessKey").asText(), s3.path("secretKey").asText());
        byte[] content = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);
        try (S3Client client = endpoint.client()) {
            client.putObject(b -> b.bucket(endpoint.bucket()).key("smoke/hello.fits"), RequestBody.fromBytes(content));
            long size = client.headObject(b -> b.bucket(endpoint.bucket()).key("smoke/hello.fits")).contentLength();
            assertEquals(content.length, size);
        }
    }

    @Test
    @Order(3)
    void thePrintedJdbcUrlReachesTheMigratedDatabase() throws Exception {
        try (Connection db = DriverManager.getConnection(status().path("jdbc").asText());
             ResultSet rows = db.createStatement().executeQuery("select count(*) from detector")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
        }
    }

    /** Issue 13, item 9: the services connect as their own logins (migration V11's roles), never as the superuser. */
    @Test
    @Order(3)
    void theServicesConnectAsTheirOwnLoginsNotAsTheSuperuser() throws Exception {
        Map<String, String> expected = Map.of(
                "pixeldb-ramp-writer", DatabaseLogin.LOADER.user(),
                "pixeldb-corrected-writer", DatabaseLogin.LOADER.user());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Set<String>> seen = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            seen.clear();
            try (Connection db = DriverManager.getConnection(status().path("jdbc").asText());
                 ResultSet rows = db.createStatement().executeQuery("select a.application_name, a.usename, r.rolsuper"
                         + " from pg_stat_activity a join pg_roles r on r.oid = a.usesysid"
                         + " where a.application_name like 'pixeldb-%' and a.application_name <> 'pixeldb-test'")) {
                while (rows.next()) {
                    assertFalse(rows.getBoolean(3), rows.getString(1) + " connects as superuser " + rows.getString(2));
                    seen.computeIfAbsent(rows.getString(1), k -> new TreeSet<>()).add(rows.getString(2));
                }
            }
            if (seen.keySet().containsAll(List.of("pixeldb-query-api", "pixeldb-ramp-writer", "pixeldb-corrected-writer"))) {
                break;
            }
            Thread.sleep(500);
        }
        expected.forEach((service, user) -> assertEquals(Set.of(user), seen.get(service), service + ": " + seen));
        // The API's two pools: its read pool's login, and the login of its changes (the status fold keeps one open).
        assertTrue(seen.get("pixeldb-query-api").contains(DatabaseLogin.API.user()), seen.toString());
        assertTrue(Set.of(DatabaseLogin.API.user(), DatabaseLogin.API_WRITER.user())
                .containsAll(seen.get("pixeldb-query-api")), seen.toString());
    }

    @Test
    @Order(4)
    void theApiAnswersThroughThePrintedUrl() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(status().path("api").asText() + "/api/v1/detectors")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("MIRIMAGE", new ObjectMapper().readTree(response.body()).path(0).path("name").asText());
    }

    @Test
    @Order(5)
    void aSecondUpSaysTheStackIsRunning() throws Exception {
        PixelDbCli.Result again = CLI.run("up", "--detach");
        assertEquals(1, again.exitCode(), again.output());
        assertTrue(again.output().contains("already running"), again.output());
    }

    @Test
    @Order(6)
    void downThenUpKeepsTheData() throws Exception {
        assertEquals(0, CLI.run("down").exitCode());
        assertEquals(3, CLI.run("status").exitCode(), "status of a stopped stack");
        PixelDbCli.Result up = CLI.run("up", "--detach");
        assertEquals(0, up.exitCode(), up.output());
        JsonNode s3 = status().path("s3");
        S3Endpoint endpoint = new S3Endpoint(s3.path("endpoint").asText(), s3.path("region").asText(),
                s3.path("bucket").asText(), s3.path("accessKey").asText(), s3.path("secretKey").asText());
        try (S3Client client = endpoint.client()) {
            assertEquals(30, client.headObject(b -> b.bucket(endpoint.bucket()).key("smoke/hello.fits")).contentLength());
        }
    }

    private static JsonNode status() throws Exception {
        PixelDbCli.Result status = CLI.run("status", "--json");
        return new ObjectMapper().readTree(status.output().substring(status.output().indexOf('{')));
    }
}
