package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.testing.ListeningPorts;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The compose file's deployment, built from this checkout and started by Testcontainers: the JPL8
 * exposure put into MinIO reaches the splitter through MinIO's Kafka notification, lands in
 * PostgreSQL sample for sample, and the API answers. From the start on, the checks are those of
 * the local stack's {@link RawIngestTest} ({@link Deployment}, {@link JplExposure}).
 */
class ComposeEndToEndTest {

    private static final String KEY = "jpl8/" + JplExposure.NAME + ".fits";
    private static final Duration START = Duration.ofMinutes(10);

    static ComposeContainer compose;
    static ComposeDeployment deployment;
    static JplExposure jpl;

    /** Why the deployment cannot run on this machine; null where it can. */
    static String skipped;

    @BeforeAll
    static void start() throws Exception {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            skipped = "no Docker engine reachable: the compose deployment cannot start here (ComposeFileTest and "
                    + "ComposeEnvironmentTest check the compose file without one); skipping";
        } else if (!JplExposure.available()) {
            skipped = JplExposure.absentMessage();
        }
        if (skipped != null) {
            // Surefire shows a skip but not its reason; the log should say why.
            System.out.println("ComposeEndToEndTest: " + skipped);
            return;
        }
        jpl = JplExposure.read();
        Map<String, String> env = new HashMap<>();
        // Fresh secrets per run, and free host ports, so that the run never meets a developer's stack.
        for (String secret : ComposeFile.TEST_SECRETS.keySet()) {
            env.put(secret, "e2e-" + UUID.randomUUID());
        }
        env.put("PIXELDB_API_PORT", String.valueOf(ListeningPorts.one()));
        env.put("PIXELDB_S3_PORT", String.valueOf(ListeningPorts.one()));
        env.put("PIXELDB_POSTGRES_PORT", String.valueOf(ListeningPorts.one()));
        compose = new ComposeContainer(ComposeFile.path().toFile())
                .withLocalCompose(true)
                // Our images are built, not pulled; `up` pulls the servers' images it lacks.
                .withPull(false)
                .withBuild(true)
                .withEnv(env)
                .withExposedService("query-api", 8080, Wait.forHttp("/q/health/ready").forStatusCode(200))
                .withExposedService("minio", 9000, Wait.forListeningPort())
                .withExposedService("postgres", 5432, Wait.forListeningPort())
                .waitingFor("fits-splitter", Wait.forHealthcheck())
                .waitingFor("ramp-writer", Wait.forHealthcheck())
                .withStartupTimeout(START);
        compose.start();
        deployment = new ComposeDeployment(compose, env);
    }

    @AfterAll
    static void stop() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void theExposurePutIntoMinioIsLoadedSampleForSampleAndTheApiAnswers() throws Exception {
        assumeTrue(skipped == null, skipped);
        deployment.upload(KEY, JplExposure.rawFile());
        assertEquals("LOADED", deployment.awaitFinalState(KEY));
        try (Connection db = deployment.database()) {
            assertEquals((long) JplExposure.RAMPS, RunningStack.row(db,
                    "select count(*) n from raw_ramp_v where exposure = ?", JplExposure.NAME).get("n"));
            jpl.assertEverySampleEqualsTheFile(db, JplExposure.NAME);
        }
        // And back out through the API: the pixel's life holds its five raw ramps, as the file does.
        HttpResponse<String> pixel = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(deployment.apiUrl() + "/api/v1/pixels/MIRIMAGE/779/1?include=raw")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pixel.statusCode(), pixel.body());
        JsonNode life = new ObjectMapper().readTree(pixel.body());
        assertEquals(802897, life.path("pixelId").asInt());
        JsonNode raw = life.path("exposures").path(0).path("raw");
        assertEquals(5, raw.size(), pixel.body());
        for (JsonNode ramp : raw) {
            int[] samples = new int[ramp.path("samples").size()];
            for (int g = 0; g < samples.length; g++) {
                samples[g] = ramp.path("samples").path(g).asInt();
            }
            assertArrayEquals(jpl.ramp(ramp.path("integration").asInt(), 779, 1), samples);
        }
    }

    /** The containers as the test reaches them: through Testcontainers' mapped ports, with the run's secrets. */
    record ComposeDeployment(ComposeContainer compose, Map<String, String> env) implements Deployment {

        String apiUrl() {
            return "http://" + compose.getServiceHost("query-api", 8080) + ":" + compose.getServicePort("query-api", 8080);
        }

        @Override
        public void upload(String key, Path file) {
            S3Endpoint s3 = new S3Endpoint("http://" + compose.getServiceHost("minio", 9000) + ":"
                    + compose.getServicePort("minio", 9000), "us-east-1", "pixeldb-ingest",
                    env.get("PIXELDB_UPLOADER_ACCESS_KEY"), env.get("PIXELDB_UPLOADER_SECRET_KEY"));
            try (S3Client client = s3.client()) {
                client.putObject(b -> b.bucket(s3.bucket()).key(key), file);
            }
        }

        @Override
        public Connection database() throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://" + compose.getServiceHost("postgres", 5432) + ":"
                    + compose.getServicePort("postgres", 5432) + "/pixeldb", "pixeldb_owner", env.get("PIXELDB_DB_OWNER_PASSWORD"));
        }
    }

}
