package org.miri.pixeldb.stack;

import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.miri.pixeldb.platform.db.DatabaseSetup;
import org.miri.pixeldb.platform.kafka.TopicProvisioner;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.stack.profile.ProfilerAgent;
import org.miri.pixeldb.stack.server.KafkaBroker;
import org.miri.pixeldb.stack.server.ManagedServer;
import org.miri.pixeldb.stack.server.PostgresServer;
import org.miri.pixeldb.stack.server.S3Server;

/**
 * The foreground process of {@code ./pixeldb up}: starts the servers, then the services, keeps the
 * services running, and on SIGTERM or Ctrl-C stops everything in reverse order.
 */
final class Supervisor {

    private final StackConfig config;
    private final StackLayout layout;
    private final List<ManagedServer> servers = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile boolean stopping;
    private StackState state;
    private Optional<ProfilerAgent> profiler = Optional.empty();

    Supervisor(StackConfig config) {
        this.config = config;
        this.layout = config.layout();
    }

    void run() throws Exception {
        Credentials credentials = Credentials.loadOrCreate(layout.credentials());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "pixeldb-shutdown"));
        String host = config.host;
        profiler = config.profiler();
        profiler.ifPresent(agent -> System.out.println("pixeldb: " + agent.describe()));

        String jdbcUrl = config.existingJdbcUrl;
        String jdbcUser = System.getenv().getOrDefault("PIXELDB_JDBC_USER", PostgresServer.SUPERUSER);
        String jdbcPassword = System.getenv().getOrDefault("PIXELDB_JDBC_PASSWORD", credentials.postgresPassword());
        if (jdbcUrl == null) {
            PostgresServer postgres = new PostgresServer(layout.postgres(), host, config.postgresPort,
                    credentials.postgresPassword(), config.sharedBuffersMb());
            start(postgres);
            jdbcUrl = postgres.jdbcUrl();
        }
        setUpDatabase(jdbcUrl, new DatabaseSetup.Account(jdbcUser, jdbcPassword), credentials);
        KafkaBroker kafka = new KafkaBroker(layout.kafka(), host, config.kafkaPort, config.kafkaControllerPort,
                profiled("kafka"));
        start(kafka);
        provisionTopics(kafka.bootstrapServers());
        S3Server s3 = new S3Server(layout.s3(), host, config.s3Port, "us-east-1", config.bucket,
                credentials.s3AccessKey(), credentials.s3SecretKey(), profiled("s3"), kafka.bootstrapServers());
        start(s3);

        ServiceEnvironment environment = new ServiceEnvironment(host, kafka.bootstrapServers(), jdbcUrl,
                credentials.loginPasswords(), s3.endpoint(), config.pollInterval, credentials.apiAdminTokenSha256());
        for (Service service : Service.values()) {
            for (int index = 0; index < config.instances(service); index++) {
                int port = service.port(config.apiPort, index);
                String name = service.instanceName(index);
                ServiceProcess process = new ServiceProcess(service, name, port, environment.forService(service, port),
                        config.serviceHeap, profiled(name), layout.logs());
                process.start();
                services.add(process);
            }
        }
        writeState(kafka, jdbcUrl, jdbcUser, jdbcPassword, s3.endpoint(), credentials.apiAdminToken());
        System.out.println("pixeldb: servers up, services starting; ./pixeldb status shows their health");
        watch();
    }

    /** The JVM options that put up --profile's agent into the named process; none when not profiling. */
    private List<String> profiled(String process) {
        return profiler.map(agent -> List.of(agent.jvmOption(process))).orElse(List.of());
    }

    private void start(ManagedServer server) throws Exception {
        long started = System.nanoTime();
        server.start();
        servers.add(server);
        System.out.printf("pixeldb: %s up in %.1f s%n", server.name(), (System.nanoTime() - started) / 1e9);
    }

    // The services validate the schema and connect as their own logins: both must be there before the first starts.
    private static void setUpDatabase(String jdbcUrl, DatabaseSetup.Account superuser, Credentials credentials)
            throws SQLException {
        long started = System.nanoTime();
        new DatabaseSetup(jdbcUrl, superuser, superuser).run(credentials.loginPasswords());
        System.out.printf("pixeldb: database migrated, service logins ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void provisionTopics(String bootstrap) throws InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin, (short) 1).provision(config.partitions());
        }
    }

    private void writeState(KafkaBroker kafka, String jdbcUrl, String user, String password, S3Endpoint s3,
            String adminToken) throws Exception {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        Map<String, StackState.Component> serverMap = new LinkedHashMap<>();
        serverMap.put("kafka", new StackState.Component(kafka.bootstrapServers(), null, kafka.pid(),
                layout.kafka().resolve("kafka.log").toString()));
        Map<String, StackState.Component> serviceMap = describeServices();
        state = new StackState(ProcessHandle.current().pid(), Instant.now().toString(), layout.root().toString(),
                serviceMap.get(Service.QUERY_API.module()).url(), adminToken, kafka.bootstrapServers(),
                jdbcUrl + separator + "user=" + user + "&password=" + password,
                jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + user + ":" + password + "@"),
                new StackState.S3(s3.endpoint(), s3.bucket(), s3.accessKey(), s3.secretKey(), s3.region()),
                serverMap, serviceMap);
        state.write(layout.state());
    }

    private Map<String, StackState.Component> describeServices() {
        Map<String, StackState.Component> serviceMap = new LinkedHashMap<>();
        services.forEach(s -> serviceMap.put(s.name(), s.describe(config.host)));
        return serviceMap;
    }

    /** Restarts a service that died by itself, as an init system would. */
    private void watch() throws Exception {
        while (!stopping) {
            Thread.sleep(1000);
            restartRequestedServers();
            for (ServiceProcess service : services) {
                if (!stopping && service.restartIfDied()) {
                    System.out.println("pixeldb: " + service.name() + " had exited; restarted it");
                    state = new StackState(state.pid(), state.startedAt(), state.dataDir(), state.api(),
                            state.adminToken(), state.kafka(),
                            state.jdbc(), state.psql(), state.s3(), state.servers(), describeServices());
                    state.write(layout.state());
                }
            }
        }
    }

    /**
     * Restarts a server that {@code ./pixeldb restart} asked for (stop, then start on the same data), so fault
     * tests can take Kafka or PostgreSQL away under a loading system; the services keep running meanwhile.
     */
    private void restartRequestedServers() throws Exception {
        for (ManagedServer server : servers) {
            java.nio.file.Path request = layout.restartRequest(server.name());
            if (stopping || !Files.exists(request)) {
                continue;
            }
            long started = System.nanoTime();
            server.stop();
            server.start();
            if (server instanceof KafkaBroker kafka) {
                Map<String, StackState.Component> serverMap = new LinkedHashMap<>(state.servers());
                StackState.Component old = serverMap.get("kafka");
                serverMap.put("kafka", new StackState.Component(old.url(), old.health(), kafka.pid(), old.log()));
                state = new StackState(state.pid(), state.startedAt(), state.dataDir(), state.api(), state.adminToken(),
                        state.kafka(), state.jdbc(), state.psql(), state.s3(), serverMap, state.services());
                state.write(layout.state());
            }
            Files.deleteIfExists(request);
            System.out.printf("pixeldb: %s restarted on request in %.1f s%n", server.name(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private void shutdown() {
        stopping = true;
        System.out.println("pixeldb: stopping");
        for (ServiceProcess service : services) {
            quietly(service::stop);
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            quietly(servers.get(i)::stop);
        }
        quietly(() -> Files.deleteIfExists(layout.state()));
        System.out.println("pixeldb: stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("pixeldb: while stopping: " + e.getMessage());
        }
    }
}
