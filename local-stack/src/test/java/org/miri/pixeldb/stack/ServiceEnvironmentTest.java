package org.miri.pixeldb.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.s3.S3Endpoint;

/** Issue 16: the exporter reads the database with the API's read login and writes the bucket; query-api reads it too. */
class ServiceEnvironmentTest {

    private static final List<String> S3 = List.of("PIXELDB_S3_ENDPOINT", "PIXELDB_S3_REGION", "PIXELDB_S3_BUCKET",
            "PIXELDB_S3_ACCESS_KEY", "PIXELDB_S3_SECRET_KEY");

    private static ServiceEnvironment environment() {
        Map<DatabaseLogin, String> passwords = new EnumMap<>(DatabaseLogin.class);
        for (DatabaseLogin login : DatabaseLogin.values()) {
            passwords.put(login, "pw-" + login.name());
        }
        return new ServiceEnvironment("127.0.0.1", "127.0.0.1:19092", "jdbc:postgresql://127.0.0.1:15432/pixeldb",
                passwords, new S3Endpoint("http://127.0.0.1:19000", "us-east-1", "pixeldb-ingest", "AK", "SK"),
                Duration.ofSeconds(1), "0".repeat(64));
    }

    @Test
    void theExporterReadsTheDatabaseAsTheApiReadLoginAndGetsTheBucketButNotThePollInterval() {
        Map<String, String> env = environment().forService(Service.EXPORTER, 18084);
        assertEquals(DatabaseLogin.API.user(), env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("pw-API", env.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertTrue(env.keySet().containsAll(S3), env.toString());
        assertEquals("pixeldb-ingest", env.get("PIXELDB_S3_BUCKET"));
        assertFalse(env.containsKey("PIXELDB_SPLITTER_POLL_INTERVAL"), env.toString());
        assertFalse(env.containsKey("QUARKUS_DATASOURCE_WRITE_USERNAME"), "the exporter changes nothing in the database");
        assertFalse(env.containsKey("PIXELDB_API_ADMIN_TOKEN_SHA256"), env.toString());
        assertEquals("18084", env.get("QUARKUS_HTTP_PORT"));
    }

    @Test
    void queryApiGetsTheBucketForTheExportFilesButNotThePollInterval() {
        Map<String, String> env = environment().forService(Service.QUERY_API, 18080);
        assertTrue(env.keySet().containsAll(S3), env.toString());
        assertFalse(env.containsKey("PIXELDB_SPLITTER_POLL_INTERVAL"), env.toString());
        assertEquals(DatabaseLogin.API.user(), env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(DatabaseLogin.API_WRITER.user(), env.get("QUARKUS_DATASOURCE_WRITE_USERNAME"));
    }

    @Test
    void onlyTheSplitterPollsAndTheWritersGetNoBucket() {
        assertEquals("PT1S", environment().forService(Service.FITS_SPLITTER, 18081).get("PIXELDB_SPLITTER_POLL_INTERVAL"));
        for (Service writer : List.of(Service.RAMP_WRITER, Service.CORRECTED_WRITER)) {
            Map<String, String> env = environment().forService(writer, 18082);
            assertTrue(S3.stream().noneMatch(env::containsKey), writer + ": " + env);
            assertEquals(DatabaseLogin.LOADER.user(), env.get("QUARKUS_DATASOURCE_USERNAME"));
        }
        assertThrows(IllegalStateException.class, Service.FITS_SPLITTER::databaseLogin);
    }

    @Test
    void theFiveServicesTakeTheApiPortAndTheNextFourFurtherExportersAndWritersTheirOwnRanges() {
        assertEquals(List.of(18080, 18081, 18082, 18083, 18084),
                java.util.Arrays.stream(Service.values()).map(s -> s.port(18080)).toList());
        assertEquals(18084, Service.EXPORTER.port(18080, 0));
        assertEquals(18091, Service.EXPORTER.port(18080, 1));
        assertEquals(18092, Service.EXPORTER.port(18080, 2));
        assertEquals("exporter", Service.EXPORTER.instanceName(0));
        assertEquals("exporter-2", Service.EXPORTER.instanceName(1));
        assertEquals(18111, Service.RAMP_WRITER.port(18080, 1));
        assertEquals(18121, Service.CORRECTED_WRITER.port(18080, 1));
        assertEquals("corrected-writer-2", Service.CORRECTED_WRITER.instanceName(1));
        assertThrows(IllegalArgumentException.class, () -> Service.FITS_SPLITTER.port(18080, 1));
        assertThrows(IllegalArgumentException.class, () -> Service.QUERY_API.port(18080, 1));
    }
}
