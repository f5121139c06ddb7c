package org.miri.pixeldb.splitter.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.splitter.intake.BucketPoller;
import org.miri.pixeldb.splitter.intake.IntakeLoop;
import org.miri.pixeldb.splitter.intake.ProcessedObjects;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Each object version is processed once: with a second splitter instance polling the same bucket
 * beside the application's, after that instance is replaced by a fresh one (a restart: empty memory,
 * every object announced again), and again once for a changed object.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SplitterInstancesTest {

    static final String GROUP = "fits-splitter";
    static final Duration WAIT = Duration.ofSeconds(90);
    final RealServers servers = RealServers.shared();

    @Test
    void everyVersionIsSplitOnceAcrossInstancesAndRestarts() throws Exception {
        List<String> keys = IntStream.range(0, 12).mapToObj(i -> "instances/note-" + i + ".txt").toList();
        try (Instance second = new Instance()) {
            keys.forEach(key -> put(key, "first version of " + key));
            assertEquals(keys.stream().collect(Collectors.toMap(k -> k, k -> 1L)), receivedPerKey(keys, keys.size()));
            awaitIntakeCaughtUp();
        }
        try (Instance restarted = new Instance()) {
            awaitIntakeCaughtUp();
            put(keys.get(0), "second version");
            Map<String, Long> received = receivedPerKey(keys, keys.size() + 1);
            awaitIntakeCaughtUp();
            assertEquals(2L, received.get(keys.get(0)), "the changed object, once more");
            assertEquals(keys.stream().skip(1).collect(Collectors.toMap(k -> k, k -> 1L)),
                    received.entrySet().stream().filter(e -> !e.getKey().equals(keys.get(0)))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
        assertEquals(keys.size() + 1, TopicReader.read(servers.kafkaBootstrapServers(), Topic.MANIFESTS, IngestEvent.class,
                e -> keys.contains(e.getSource().getKey()) && e.getState() == IngestState.IGNORED,
                found -> false, Duration.ofSeconds(5)).size(), "one final event per version");
    }

    @Test
    void theManifestTopicKeepsTheLastEventOfEveryObjectForEver() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrapServers()))) {
            var topic = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topic.MANIFESTS.topicName());
            var config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    /** RECEIVED events per key, read until at least {@code atLeast} arrived, then a little longer for extras. */
    private Map<String, Long> receivedPerKey(List<String> keys, int atLeast) {
        TopicReader.read(servers.kafkaBootstrapServers(), Topic.MANIFESTS, IngestEvent.class,
                e -> keys.contains(e.getSource().getKey()) && e.getState() == IngestState.RECEIVED,
                found -> found.size() >= atLeast, WAIT);
        return TopicReader.read(servers.kafkaBootstrapServers(), Topic.MANIFESTS, IngestEvent.class,
                        e -> keys.contains(e.getSource().getKey()) && e.getState() == IngestState.RECEIVED,
                        found -> false, Duration.ofSeconds(3)).stream()
                .collect(Collectors.groupingBy(e -> e.getSource().getKey(), Collectors.counting()));
    }

    /** Until the splitter group has committed every notification published so far (both pollers ran twice). */
    private void awaitIntakeCaughtUp() throws Exception {
        Thread.sleep(1500);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(IntStream.range(0, Topic.BUCKET_EVENTS.defaultPartitions()).boxed()
                        .collect(Collectors.toMap(p -> new TopicPartition(Topic.BUCKET_EVENTS.topicName(), p),
                                p -> OffsetSpec.latest()))).all().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (caughtUp) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the splitter group did not catch up: " + committed);
                Thread.sleep(200);
            }
        }
    }

    private void put(String key, String content) {
        try (S3Client s3 = servers.s3().client()) {
            s3.putObject(b -> b.bucket(servers.s3().bucket()).key(key), RequestBody.fromString(content));
        }
    }

    /** A second splitter instance in the application's consumer group, with its own poller and memory. */
    final class Instance implements AutoCloseable {
        final KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(KafkaSettings.producer(servers.kafkaBootstrapServers(), "second-splitter"));
        final ProcessedObjects processed = new ProcessedObjects(servers.kafkaBootstrapServers());
        final IntakeLoop intake;
        final Thread thread;
        final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

        Instance() throws Exception {
            processed.catchUp();
            Path workDir = Files.createTempDirectory("second-splitter");
            intake = new IntakeLoop(new KafkaConsumer<>(KafkaSettings.consumer(servers.kafkaBootstrapServers(), GROUP, 10)),
                    producer, processed, new ObjectSplitter(servers.s3(), WorkDirectory.open(workDir),
                    SplitProducers.of(producer),
                    64 * 1024, Long.MAX_VALUE));
            thread = new Thread(intake, "second-intake");
            thread.start();
            poller.scheduleWithFixedDelay(new BucketPoller(servers.s3(), producer), 0, 300, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws Exception {
            poller.shutdownNow();
            poller.awaitTermination(10, TimeUnit.SECONDS);
            intake.stop();
            thread.join(30_000);
            processed.close();
            producer.close();
        }
    }
}
