package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.db.DatabaseSetupStep;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.kafka.TopicProvisioning;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.stack.Service;
import org.miri.pixeldb.stack.ServiceEnvironment;
import org.miri.pixeldb.stack.server.JavaCommand;
import org.miri.pixeldb.testing.ListeningPorts;
import org.miri.pixeldb.testing.RealServers;

/**
 * Each container of the compose file, run without Docker: the service's entry point as the image runs
 * it, with exactly the environment the compose file gives that container, except the endpoints
 * (Kafka, PostgreSQL, S3, HTTP port), which point at this JVM's real servers. Every other variable
 * passes unchanged, so a misspelt or missing one shows here as a service that never becomes ready.
 */
class ComposeEnvironmentTest {

    /**
     * Where the endpoints of the deployment are swapped for the test's; nothing else is. The database user names stay
     * the compose file's: they must be logins the database step made (the harness made the same, with its password).
     */
    private static final Set<String> ENDPOINTS = Set.of("PIXELDB_KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_WRITE_PASSWORD", "PIXELDB_S3_ENDPOINT",
            "PIXELDB_S3_BUCKET", "PIXELDB_S3_ACCESS_KEY", "PIXELDB_S3_SECRET_KEY", "QUARKUS_HTTP_PORT");
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
        file = ComposeFile.read(compose.get(), ComposeFileTest.SECRETS);
        servers = RealServers.shared();
    }

    private static void assumeCompose() {
        assumeTrue(file != null, ComposeFile.absentMessage());
    }

    /** A module being added (the exporter, issue 16) is checked once it is in the checkout. */
    private static void assumeModule(String service) {
        assumeTrue(Files.isRegularFile(ComposeFile.home().resolve(service).resolve("pom.xml")),
                service + " is no module of this checkout yet; skipping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api", "exporter"})
    void theServiceBecomesReadyWithTheComposeEnvironment(String service) throws Exception {
        assumeCompose();
        assumeModule(service);
        Path jar = ComposeFile.home().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: the module's package phase makes it");
        int port = ListeningPorts.one();
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

    /**
     * The database step as compose runs it (query-api's image classpath, compose's environment) on a fresh database of
     * the test's server: only the URL and the superuser are the test's, and the logins' passwords the harness's own
     * (the roles belong to the whole server, which other tests share). The schema must end up owned by the owner
     * login, not the superuser, and each service login must have its role's rights and no more. Twice: on an empty
     * database, and on one the superuser migrated up to V10, as every service did before the step existed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"empty", "migrated to V10 by the superuser"})
    void theDatabaseStepMigratesTheDatabaseAsItsOwnerLogin(String before) throws Exception {
        assumeCompose();
        String database = "compose_setup_" + Long.toHexString(System.nanoTime());
        try (Connection superuser = servers.superuserDataSource().getConnection()) {
            superuser.createStatement().execute("create database " + database);
        }
        String url = servers.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        if (!before.equals("empty")) {
            Flyway.configure().dataSource(url, servers.jdbcUser(), servers.jdbcPassword()).target("10").load().migrate();
        }
        List<String> command = new ArrayList<>();
        for (String word : file.words("db-setup", "entrypoint")) {
            command.add(word.equals("java") ? JavaCommand.java()
                    : word.replace(IMAGE_APP_DIR, ComposeFile.home().resolve("query-api/target/quarkus-app") + "/"));
        }
        Map<String, String> env = new LinkedHashMap<>(file.environment("db-setup"));
        assertTrue(DatabaseSetupStep.VARIABLES.containsAll(env.keySet()),
                "the database step is given variables it does not read: " + env.keySet());
        env.put(DatabaseSetupStep.JDBC_URL, url);
        env.put(DatabaseSetupStep.SUPERUSER, servers.jdbcUser());
        env.put(DatabaseSetupStep.SUPERUSER_PASSWORD, servers.jdbcPassword());
        DatabaseSetupStep.LOGIN_PASSWORDS.values().forEach(variable -> env.put(variable, servers.jdbcPassword()));
        Path log = Path.of("target", "compose-environment", "db-setup.log").toAbsolutePath();
        Process process = start(command, env, log);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the database step did not finish");
        assertEquals(0, process.exitValue(), "the database step failed:\n" + Files.readString(log));

        String owner = env.get(DatabaseSetupStep.OWNER);
        try (Connection connection = DriverManager.getConnection(url, owner, env.get(DatabaseSetupStep.OWNER_PASSWORD));
             ResultSet rs = connection.createStatement().executeQuery("select count(*), count(*) filter"
                     + " (where tableowner = current_user), (select max(version::int) from flyway_schema_history"
                     + " where success) from pg_tables where schemaname = 'public'")) {
            rs.next();
            assertTrue(rs.getInt(1) > 10, "no schema in " + database);
            assertEquals(rs.getInt(1), rs.getInt(2), "tables not owned by " + owner);
            assertTrue(rs.getInt(3) >= 11, "migrated to V" + rs.getInt(3));
        }
        try (Connection api = DriverManager.getConnection(url, DatabaseLogin.API.user(), servers.jdbcPassword())) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> api.createStatement().execute("delete from exposure"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            api.createStatement().executeQuery("select count(*) from exposure").close();
        }
    }

    /** A misspelt variable starts a service on its defaults; only a known key can configure it. */
    @ParameterizedTest
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api", "exporter"})
    void everyPixeldbAndQuarkusVariableIsAKeyTheServiceDocuments(String service) throws Exception {
        assumeCompose();
        assumeModule(service);
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
    @ValueSource(strings = {"fits-splitter", "ramp-writer", "corrected-writer", "query-api", "exporter"})
    void composeSetsEveryVariableTheLocalStackSets(String service) {
        assumeCompose();
        Service stackService = Service.valueOf(service.toUpperCase().replace('-', '_'));
        Map<DatabaseLogin, String> logins = new EnumMap<>(DatabaseLogin.class);
        for (DatabaseLogin login : DatabaseLogin.values()) {
            logins.put(login, "secret");
        }
        ServiceEnvironment stack = new ServiceEnvironment("127.0.0.1", "kafka:9092", "jdbc:postgresql://db/pixeldb",
                logins, new S3Endpoint("http://s3", "us-east-1", "bucket", "key", "secret"), Duration.ZERO,
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
                "QUARKUS_DATASOURCE_PASSWORD", servers.jdbcPassword(),
                "QUARKUS_DATASOURCE_WRITE_PASSWORD", servers.jdbcPassword(),
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

}
