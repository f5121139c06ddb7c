package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.kafka.TopicProvisioning;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.stack.Service;
import org.miri.pixeldb.stack.ServiceEnvironment;
import org.miri.pixeldb.stack.server.JavaCommand;
import org.miri.pixeldb.testing.RealServers;

/**
 * Each container of the compose file, run without Docker: the service's entry point as the image runs
 * it, with exactly the environment the compose file gives that container, except the endpoints
 * (Kafka, PostgreSQL, S3, HTTP port), which point at this JVM's real servers. Every other variable
 * passes unchanged, so a misspelt or missing one shows here as a service that never becomes ready.
 */
class ComposeEnvironmentTest {

    /** Where the endpoints of the deployment are swapped for the test's; nothing else is. */
    private static final Set<String> ENDPOINTS = Set.of("PIXELDB_KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "PIXELDB_S3_ENDPOINT", "PIXELDB_S3_BUCKET",
            "PIXELDB_S3_ACCESS_KEY", "PIXELDB_S3_SECRET_KEY", "QUARKUS_HTTP_PORT");
    /** The image's files ({@code COPY target/quarkus-app/... /deployments/}) in the checkout. */
    private static final String IMAGE_APP_DIR = "/deployments/";
    private static final Pattern KEY = Pattern.compile("\\b(?:pixeldb|quarkus)\\.[a-z0-9.\"-]*[a-z0-9\"]");
    private static final Pattern ENV_NAME = Pattern.compile("\\b(?:PIXELDB|QUARKUS)_[A-Z0-9_]*[A-Z0-9]");

    static ComposeFile file;
    static RealServers servers;

    @BeforeAll
    static void read() throws Exception {
        var compose = ComposeFile.command();
        if (compose.isEmpty()) {
            // Surefire shows a skip but not its reason; the log should say why.
            System.out.println("ComposeEnvironmentTest: " + ComposeFile.absentMessage());
            return;
        }
        file = ComposeFile.read(compose.get(), ComposeFile.TEST_SECRETS);
        servers = RealServers.shared();
    }

    private static void assumeCompose() {
        assumeTrue(file != null, ComposeFile.absentMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api"})
    void theServiceBecomesReadyWithTheComposeEnvironment(String service) throws Exception {
        assumeCompose();
        Path jar = ComposeFile.home().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the module's package phase makes it");
        int port = freePort();
        Map<String, String> env = swapEndpoints(file.environment(service), port);
        Path log = Path.of("target", "compose-environment", service + ".log").toAbsolutePath();
        Process process = start(List.of(JavaCommand.java(), "-Xmx256m", "-jar", jar.toString()), env, log);
        try {
            awaitReady(service, "http://127.0.0.1:" + port + "/q/health/ready", process, log);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theTopicStepProvisionsTheCatalogueFromTheSplitterImagesClasspath() throws Exception {
        assumeCompose();
        List<String> command = new ArrayList<>();
        for (String word : file.words("topics", "entrypoint")) {
            command.add(word.equals("java") ? JavaCommand.java()
                    : word.replace(IMAGE_APP_DIR, ComposeFile.home().resolve("fits-splitter/target/quarkus-app") + "/"));
        }
        command.addAll(file.words("topics", "command"));
        Map<String, String> env = swapEndpoints(file.environment("topics"), 0);
        Path log = Path.of("target", "compose-environment", "topics.log").toAbsolutePath();
        Process process = start(command, env, log);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the topic step did not finish");
        assertEquals(0, process.exitValue(), "the topic step failed:\n" + Files.readString(log));
        int wanted = Integer.parseInt(env.get(TopicProvisioning.RAMP_PARTITIONS));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers()))) {
            var described = admin.describeTopics(List.of(Topic.RAW_RAMPS.topicName(), Topic.CORRECTED_RAMPS.topicName()))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            described.values().forEach(topic -> assertTrue(topic.partitions().size() >= wanted,
                    topic.name() + " has " + topic.partitions().size() + " partitions, fewer than " + wanted));
        }
        assertTrue(TopicProvisioning.VARIABLES.containsAll(env.keySet()),
                "the topic step is given variables it does not read: " + env.keySet());
    }

    /** A misspelt variable starts a service on its defaults; only a known key can configure it. */
    @ParameterizedTest
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api"})
    void everyPixeldbAndQuarkusVariableIsAKeyTheServiceDocuments(String service) throws Exception {
        assumeCompose();
        Set<String> known = documentedVariables(ComposeFile.home().resolve(service)
                .resolve("src/main/resources/application.properties"));
        for (String variable : file.environment(service).keySet()) {
            if (variable.startsWith("PIXELDB_") || variable.startsWith("QUARKUS_")) {
                assertTrue(known.contains(variable), service + ": " + variable
                        + " is no key of its application.properties (known: " + known + ")");
            }
        }
    }

    /** The local stack and the deployment configure a service through the same variables. */
    @ParameterizedTest
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api"})
    void composeSetsEveryVariableTheLocalStackSets(String service) {
        assumeCompose();
        Service stackService = Service.valueOf(service.toUpperCase().replace('-', '_'));
        ServiceEnvironment stack = new ServiceEnvironment("127.0.0.1", "kafka:9092", "jdbc:postgresql://db/pixeldb",
                "pixeldb", "secret", new S3Endpoint("http://s3", "us-east-1", "bucket", "key", "secret"), Duration.ZERO,
                "0".repeat(64));
        Set<String> expected = new TreeSet<>(stack.forService(stackService, 8080).keySet());
        // The images bind every interface themselves (JAVA_OPTS_APPEND in Dockerfile.jvm).
        expected.remove("QUARKUS_HTTP_HOST");
        assertTrue(file.environment(service).keySet().containsAll(expected),
                service + ": compose sets " + file.environment(service).keySet() + ", the local stack " + expected);
    }

    /** The compose environment with its endpoints pointing at the test's servers; nothing is added. */
    private static Map<String, String> swapEndpoints(Map<String, String> compose, int httpPort) {
        S3Endpoint s3 = servers.s3();
        Map<String, String> swaps = Map.of(
                "PIXELDB_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", servers.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", servers.jdbcUser(),
                "QUARKUS_DATASOURCE_PASSWORD", servers.jdbcPassword(),
                "PIXELDB_S3_ENDPOINT", s3.endpoint(),
                "PIXELDB_S3_BUCKET", s3.bucket(),
                "PIXELDB_S3_ACCESS_KEY", s3.accessKey(),
                "PIXELDB_S3_SECRET_KEY", s3.secretKey(),
                "QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        assertEquals(ENDPOINTS, swaps.keySet());
        Map<String, String> env = new LinkedHashMap<>(compose);
        env.replaceAll((name, value) -> swaps.getOrDefault(name, value));
        return env;
    }

    /** Keys named in the file, as keys or in comments, in their environment form; and names written that way. */
    static Set<String> documentedVariables(Path properties) throws IOException {
        String text = Files.readString(properties);
        Set<String> names = new TreeSet<>();
        Matcher keys = KEY.matcher(text);
        while (keys.find()) {
            names.add(keys.group().toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        Matcher envNames = ENV_NAME.matcher(text);
        while (envNames.find()) {
            names.add(envNames.group());
        }
        return names;
    }

    /** Only the given environment: nothing of the test JVM's leaks in to hide a missing variable. */
    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(log.getParent().toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(String service, String url, Process process, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(service + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body().replaceAll("\\s+", " ");
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " not ready within 2 minutes; last answer: " + last + "\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
