package org.miri.pixeldb.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.stack.profile.ProfilerAgent;
import org.miri.pixeldb.stack.server.SharedBuffers;
import picocli.CommandLine.Option;

/**
 * Everything {@code ./pixeldb up} can be told, each with its environment variable and default.
 * Picocli reads it as options of the command; the README's configuration table lists the same.
 */
public final class StackConfig {

    /** The most exporter instances {@code --exporters} starts: each is a JVM of {@code --service-heap}. */
    static final int MAX_EXPORTERS = 16;
    /** The most instances of each writer {@code --writers} starts (their extra ports are api port + 31..37, 41..47). */
    static final int MAX_WRITERS = 8;

    @Option(names = "--data-dir", defaultValue = "${env:PIXELDB_DATA_DIR}",
            description = "Where Kafka, PostgreSQL and S3 keep their data, and the stack its logs (env PIXELDB_DATA_DIR, default var/ in the project).")
    Path dataDir;

    @Option(names = "--host", defaultValue = "${env:PIXELDB_HOST:-127.0.0.1}",
            description = "Address every server and service binds to (env PIXELDB_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--kafka-port", defaultValue = "${env:PIXELDB_KAFKA_PORT:-19092}",
            description = "Kafka broker port (env PIXELDB_KAFKA_PORT, default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "${env:PIXELDB_KAFKA_CONTROLLER_PORT:-19093}",
            description = "Kafka KRaft controller port (env PIXELDB_KAFKA_CONTROLLER_PORT, default ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--postgres-port", defaultValue = "${env:PIXELDB_POSTGRES_PORT:-15432}",
            description = "PostgreSQL port (env PIXELDB_POSTGRES_PORT, default ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--jdbc-url", defaultValue = "${env:PIXELDB_JDBC_URL}",
            description = "Use this existing PostgreSQL database instead of starting one (env PIXELDB_JDBC_URL); "
                    + "user and password from PIXELDB_JDBC_USER and PIXELDB_JDBC_PASSWORD.")
    String existingJdbcUrl;

    @Option(names = "--s3-port", defaultValue = "${env:PIXELDB_S3_PORT:-19000}",
            description = "S3 API port (env PIXELDB_S3_PORT, default ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--bucket", defaultValue = "${env:PIXELDB_BUCKET:-pixeldb-ingest}",
            description = "The ingest bucket (env PIXELDB_BUCKET, default ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--api-port", defaultValue = "${env:PIXELDB_API_PORT:-18080}",
            description = "query-api HTTP port; fits-splitter, ramp-writer, corrected-writer and exporter take the next "
                    + "four for their health and metrics (env PIXELDB_API_PORT, default ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--exporters", defaultValue = "${env:PIXELDB_EXPORTERS:-1}",
            description = "Exporter instances to run, 0.." + MAX_EXPORTERS + " (they share the export parts of a job); "
                    + "the first listens on api port + 4, the second on api port + 11, the third on + 12, and so on "
                    + "(api port + 10 + i); 0 runs none, and exports then wait QUEUED (env PIXELDB_EXPORTERS, "
                    + "default ${DEFAULT-VALUE}).")
    int exporters;

    @Option(names = "--writers", defaultValue = "${env:PIXELDB_WRITERS:-1}",
            description = "Instances of each writer, ramp-writer and corrected-writer, 1.." + MAX_WRITERS + " (they share "
                    + "the ramp topics' partitions); further ramp-writers listen on api port + 30 + i, corrected-writers "
                    + "on + 40 + i. Two of each loaded a full frame 15-30 %% faster on 2 cores (docs/performance.md) "
                    + "(env PIXELDB_WRITERS, default ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--ramp-partitions", defaultValue = "${env:PIXELDB_RAMP_PARTITIONS:-12}",
            description = "Partitions of the raw and corrected ramp topics: the most writer instances that share "
                    + "one exposure (env PIXELDB_RAMP_PARTITIONS, default ${DEFAULT-VALUE}).")
    int rampPartitions;

    @Option(names = "--service-heap", defaultValue = "${env:PIXELDB_SERVICE_HEAP:-512m}",
            description = "Maximum heap of each service JVM (env PIXELDB_SERVICE_HEAP, default ${DEFAULT-VALUE}).")
    String serviceHeap;

    @Option(names = "--poll-interval", defaultValue = "${env:PIXELDB_POLL_INTERVAL:-PT30S}",
            description = "How often fits-splitter lists the bucket to find objects whose notification was lost, "
                    + "ISO-8601. The local S3 server announces every upload on the bucket-events topic at once, as "
                    + "MinIO and AWS do; the listing only reconciles (it costs S3Proxy about 0.1 s of CPU per 1,000 "
                    + "objects) (env PIXELDB_POLL_INTERVAL, default ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--shared-buffers", defaultValue = "${env:PIXELDB_SHARED_BUFFERS:-auto}",
            description = "PostgreSQL's shared_buffers, in MB or GB (e.g. 10GB); auto: a quarter of the machine's "
                    + "memory, 128 MB to 4 GB. A pixel's life reads a page per exposure all over the strips, so a "
                    + "database whose pixel path outgrows the buffers answers from the OS cache, 2-3 times slower "
                    + "(docs/performance.md); with more than 1 GB, give PostgreSQL huge pages (./pixeldb apibench "
                    + "prints the sysctl) (env PIXELDB_SHARED_BUFFERS, default ${DEFAULT-VALUE}).")
    String sharedBuffers;

    @Option(names = "--timeout", defaultValue = "${env:PIXELDB_START_TIMEOUT:-180}",
            description = "Seconds --detach waits for everything to be healthy (env PIXELDB_START_TIMEOUT, default ${DEFAULT-VALUE}).")
    int startTimeoutSeconds;

    @Option(names = "--profile", paramLabel = "DIR", defaultValue = "${env:PIXELDB_PROFILE_DIR}",
            description = "Profile every JVM the stack starts (the services, Kafka, S3Proxy) with async-profiler from its "
                    + "start; each writes DIR/<name>-<time>.jfr when it exits (./pixeldb down), and ./pixeldb flame DIR "
                    + "turns them into flame graphs (env PIXELDB_PROFILE_DIR; off by default).")
    Path profileDir;

    @Option(names = "--profile-event", defaultValue = "${env:PIXELDB_PROFILE_EVENT:-auto}",
            description = "What --profile samples: cpu (perf_events, with kernel frames), ctimer or itimer (CPU time, no "
                    + "kernel frames), wall (every thread, running or not); auto: cpu where perf_events may be used "
                    + "(/proc/sys/kernel/perf_event_paranoid 1 or less, or CAP_PERFMON or CAP_SYS_ADMIN, as root has), "
                    + "else ctimer (env PIXELDB_PROFILE_EVENT, default ${DEFAULT-VALUE}).")
    String profileEvent;

    @Option(names = "--profile-interval", defaultValue = "${env:PIXELDB_PROFILE_INTERVAL:-5ms}",
            description = "--profile's sampling interval, e.g. 10ms or 500us (env PIXELDB_PROFILE_INTERVAL, default "
                    + "${DEFAULT-VALUE}).")
    String profileInterval;

    /** --shared-buffers in MB: the given size, or the automatic one. */
    public long sharedBuffersMb() {
        return SharedBuffers.megabytes(sharedBuffers, SharedBuffers.machineMegabytes());
    }

    public StackLayout layout() {
        return StackLayout.of(dataDir);
    }

    public Map<Topic, Integer> partitions() {
        Map<Topic, Integer> partitions = new EnumMap<>(Topic.class);
        partitions.put(Topic.RAW_RAMPS, rampPartitions);
        partitions.put(Topic.CORRECTED_RAMPS, rampPartitions);
        return partitions;
    }

    /** How many instances of the service {@code up} runs: {@code --exporters} exporters, {@code --writers} writers. */
    public int instances(Service service) {
        return switch (service) {
            case EXPORTER -> exporters;
            case RAMP_WRITER, CORRECTED_WRITER -> writers;
            default -> 1;
        };
    }

    /** Every port the stack listens on, named by what listens there, in start order. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (existingJdbcUrl == null) {
            ports.put("postgres (--postgres-port)", postgresPort);
        }
        ports.put("kafka (--kafka-port)", kafkaPort);
        ports.put("kafka controller (--kafka-controller-port)", kafkaControllerPort);
        ports.put("s3 (--s3-port)", s3Port);
        for (Service service : Service.values()) {
            for (int index = 0; index < instances(service); index++) {
                ports.put(service.instanceName(index) + " (api port + " + (service.port(apiPort, index) - apiPort) + ")",
                        service.port(apiPort, index));
            }
        }
        return ports;
    }

    /** up --profile's agent (its library copied into the data directory), or empty when not profiling. */
    public Optional<ProfilerAgent> profiler() throws IOException {
        if (profileDir == null) {
            return Optional.empty();
        }
        return Optional.of(ProfilerAgent.prepare(profileDir, layout().root().resolve("profiler"), profileEvent,
                profileInterval));
    }

    /**
     * The detached supervisor runs in the project's root, not where {@code up} was typed: a relative --profile must
     * name the same folder there.
     */
    public void resolveProfileDir() {
        if (profileDir != null) {
            profileDir = profileDir.toAbsolutePath().normalize();
        }
    }

    public Path profileDir() {
        return profileDir;
    }

    /** Contradictions and impossible values fail before anything starts. */
    public void validate() {
        if (exporters < 0 || exporters > MAX_EXPORTERS) {
            throw new IllegalArgumentException("--exporters must be 0.." + MAX_EXPORTERS + ", not " + exporters);
        }
        if (writers < 1 || writers > MAX_WRITERS) {
            throw new IllegalArgumentException("--writers must be 1.." + MAX_WRITERS + ", not " + writers);
        }
        if (writers > rampPartitions) {
            throw new IllegalArgumentException("--writers " + writers + " is more than the --ramp-partitions "
                    + rampPartitions + ": the writers beyond them would have no partition to load");
        }
        Map<Integer, String> taken = new HashMap<>();
        for (Map.Entry<String, Integer> port : ports().entrySet()) {
            if (port.getValue() < 1024 || port.getValue() > 65535) {
                throw new IllegalArgumentException("port " + port.getValue() + " of " + port.getKey()
                        + " is outside 1024-65535");
            }
            String other = taken.putIfAbsent(port.getValue(), port.getKey());
            if (other != null) {
                throw new IllegalArgumentException("port " + port.getValue() + " is wanted by both " + other + " and "
                        + port.getKey() + ": choose other ports");
            }
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be positive: the listing finds the objects "
                    + "whose notification was lost; got " + pollInterval);
        }
        sharedBuffersMb();
        if (rampPartitions < 1) {
            throw new IllegalArgumentException("--ramp-partitions must be at least 1, not " + rampPartitions);
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("--bucket '" + bucket + "' is not a valid S3 bucket name");
        }
        if (profileDir != null) {
            ProfilerAgent.validate(profileDir, profileEvent, profileInterval);
        }
        if (existingJdbcUrl != null && !existingJdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url must start with jdbc:postgresql:, not " + existingJdbcUrl);
        }
    }
}
