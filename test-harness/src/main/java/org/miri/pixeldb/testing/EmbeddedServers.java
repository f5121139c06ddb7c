package org.miri.pixeldb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.platform.db.DatabaseSetup;
import org.miri.pixeldb.platform.kafka.TopicProvisioner;
import org.miri.pixeldb.stack.server.KafkaBroker;
import org.miri.pixeldb.stack.server.ManagedServer;
import org.miri.pixeldb.stack.server.PostgresServer;
import org.miri.pixeldb.stack.server.S3Server;

/** The local stack's own servers, on free loopback ports, with fresh data under {@code target/}. */
final class EmbeddedServers implements SharedServers.ServerSet {

    private static final String HOST = "127.0.0.1";
    private final List<ManagedServer> servers = new ArrayList<>();

    @Override
    public RealServers start() {
        Path dir = Path.of("target", "pixeldb-test-servers").toAbsolutePath();
        deleteRecursively(dir);
        String secret = UUID.randomUUID().toString();
        PostgresServer postgres = new PostgresServer(dir.resolve("postgres"), HOST, ListeningPorts.one(), secret);
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), HOST, ListeningPorts.one(), ListeningPorts.one());
        S3Server s3 = new S3Server(dir.resolve("s3"), HOST, ListeningPorts.one(), "us-east-1", "pixeldb-test",
                "TESTKEY", secret);
        servers.addAll(List.of(postgres, kafka, s3));
        // The three start independently; in parallel they are ready in the time of the slowest.
        CompletableFuture.allOf(servers.stream().map(server -> CompletableFuture.runAsync(() -> {
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("test server " + server.name() + " did not start: " + e.getMessage(), e);
            }
        })).toArray(CompletableFuture[]::new)).join();
        provisionTopics(kafka.bootstrapServers());
        setUpDatabase(postgres.jdbcUrl(), postgres.username(), postgres.password());
        return new RealServers(kafka.bootstrapServers(), postgres.jdbcUrl(), postgres.username(), postgres.password(),
                s3.endpoint(), "embedded");
    }

    static void provisionTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin, (short) 1).provision(Map.of());
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics: " + e.getMessage(), e);
        }
    }

    /**
     * The deployment's database step: the schema migrated and the services' logins created, as {@code ./pixeldb up}
     * does, so that services under test connect with the rights they have in production. Every login gets the
     * superuser's password here (one secret per test JVM); tests that prepare data use the superuser.
     */
    static void setUpDatabase(String jdbcUrl, String superuser, String password) {
        Map<DatabaseLogin, String> passwords = new EnumMap<>(DatabaseLogin.class);
        for (DatabaseLogin login : DatabaseLogin.values()) {
            passwords.put(login, password);
        }
        DatabaseSetup.Account account = new DatabaseSetup.Account(superuser, password);
        try {
            new DatabaseSetup(jdbcUrl, account, account).run(passwords);
        } catch (Exception e) {
            throw new IllegalStateException("could not set up the test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).stop();
            } catch (Exception e) {
                System.err.println("stopping test server " + servers.get(i).name() + ": " + e.getMessage());
            }
        }
    }


    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
