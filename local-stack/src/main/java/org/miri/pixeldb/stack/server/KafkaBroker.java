package org.miri.pixeldb.stack.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.miri.pixeldb.platform.kafka.KafkaProbe;

/**
 * A single Apache Kafka node in KRaft mode (broker and controller in one JVM, no ZooKeeper), run
 * from the {@code kafka_2.13} artifact. The log directory is formatted once and kept.
 */
public final class KafkaBroker implements ManagedServer {

    private final Path dir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private ChildProcess process;

    public KafkaBroker(Path dir, String host, int port, int controllerPort) {
        this(dir, host, port, controllerPort, List.of());
    }

    /** @param jvmOptions further options of the broker's JVM (up --profile's agent) */
    public KafkaBroker(Path dir, String host, int port, int controllerPort, List<String> jvmOptions) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    @Override
    public String name() {
        return "kafka";
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    @Override
    public void start() throws Exception {
        Files.createDirectories(dir);
        Path properties = writeServerProperties();
        String logging = JavaCommand.quietLogging(dir);
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            ChildProcess.run("kafka-storage-format",
                    JavaCommand.forMainClass("256m", "kafka.tools.StorageTool", List.of(logging),
                            "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
                    dir, dir.resolve("kafka.log"), Duration.ofSeconds(120));
        }
        process = ChildProcess.start(name(),
                JavaCommand.forMainClass("512m", "kafka.Kafka", jvmOptions(logging), properties.toString()),
                Map.of(), dir, dir.resolve("kafka.log"));
        Waits.until("Kafka broker on " + bootstrapServers(), Duration.ofSeconds(90),
                () -> isHealthy(Duration.ofSeconds(2)), process);
    }

    private List<String> jvmOptions(String logging) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(logging);
        return options;
    }

    private Path writeServerProperties() throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, String.join("\n",
                "# Written by the local stack on every start; edit StackConfig, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        return file;
    }

    @Override
    public boolean isHealthy(Duration timeout) {
        try {
            KafkaProbe.clusterId(bootstrapServers(), timeout);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void stop() throws Exception {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Override
    public void kill() throws Exception {
        if (process != null) {
            process.kill();
        }
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }
}
