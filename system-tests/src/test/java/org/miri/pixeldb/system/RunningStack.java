package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A stack started with {@code ./pixeldb up --detach} for a test class, and what a user would read off it. The class
 * registers it ({@code @RegisterExtension static final RunningStack stack = RunningStack.named("...")}): it is up
 * before the class's first test (and its {@code @BeforeAll} methods) and down after its last.
 */
final class RunningStack implements Deployment, BeforeAllCallback, AfterAllCallback {

    private final String dataDir;
    private final boolean needsJplExposure;
    PixelDbCli cli;
    JsonNode status;

    private RunningStack(String dataDir, boolean needsJplExposure) {
        this.dataDir = dataDir;
        this.needsJplExposure = needsJplExposure;
    }

    /** A stack in {@code target/<dataDir>}. */
    static RunningStack named(String dataDir) {
        return new RunningStack(dataDir, false);
    }

    /** A stack for a class that drops the shared JPL8 exposure: the class is skipped, saying why, where it is absent. */
    static RunningStack forJplExposure(String dataDir) {
        return new RunningStack(dataDir, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (needsJplExposure) {
            assumeTrue(JplExposure.available(), JplExposure.absentMessage());
        }
        cli = new PixelDbCli(dataDir);
        PixelDbCli.Result up = cli.run("up", "--detach");
        assertEquals(0, up.exitCode(), () -> up.output() + logTails());
        PixelDbCli.Result json = cli.run("status", "--json");
        status = new ObjectMapper().readTree(json.output().substring(json.output().indexOf('{')));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cli != null) {
            cli.run("down");
        }
    }

    /** The last lines of every log of the stack, so that a stack that did not start says why in the test report. */
    private String logTails() {
        Path logs = Path.of("target", dataDir, "logs");
        StringBuilder tails = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                tails.append("\n--- ").append(log.getFileName()).append(" (last 40 lines) ---\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (IOException | UncheckedIOException e) {
            tails.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return tails.toString();
    }

    S3Endpoint s3() {
        JsonNode s3 = status.path("s3");
        return new S3Endpoint(s3.path("endpoint").asText(), s3.path("region").asText(), s3.path("bucket").asText(),
                s3.path("accessKey").asText(), s3.path("secretKey").asText());
    }

    @Override
    public void upload(String key, Path file) {
        try (S3Client client = s3().client()) {
            client.putObject(b -> b.bucket(s3().bucket()).key(key), file);
        }
    }

    @Override
    public Connection database() throws SQLException {
        return DriverManager.getConnection(status.path("jdbc").asText());
    }

    /** Every value of a header over the whole dead-letter topic, as an operator would read it. */
    Set<String> deadLetterHeaders(String header) {
        Set<String> values = new HashSet<>();
        readAll(Topic.DEAD_LETTERS).forEach(letter -> values.add(DeadLetters.header(letter, header)));
        return values;
    }

    /** The states the splitter published for an object key, in order (RECEIVED, SPLIT, ... per upload). */
    List<IngestState> manifestStates(String key) {
        AvroMessageCodec<IngestEvent> codec = AvroMessageCodec.of(IngestEvent.class);
        return readAll(Topic.MANIFESTS).stream().map(record -> codec.decode(record.value()))
                .filter(event -> event.getSource().getKey().equals(key)).map(IngestEvent::getState).toList();
    }

    /** Every record of a topic, from its beginning to its end now. */
    List<ConsumerRecord<String, byte[]>> readAll(Topic topic) {
        Map<String, Object> config = KafkaSettings.consumer(status.path("kafka").asText(), null, 500);
        config.remove("group.id");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** A request to the stack's query API, with the bearer token when one is given. */
    HttpResponse<String> api(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(status.path("api").asText() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    long servicePid(String service) throws Exception {
        PixelDbCli.Result json = cli.run("status", "--json");
        JsonNode now = new ObjectMapper().readTree(json.output().substring(json.output().indexOf('{')));
        return now.path("services").path(service).path("pid").asLong();
    }

    /** The one row a query returns, by column label. */
    static Map<String, Object> row(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no row for " + sql);
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    row.put(rows.getMetaData().getColumnLabel(c), rows.getObject(c));
                }
                return row;
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}
