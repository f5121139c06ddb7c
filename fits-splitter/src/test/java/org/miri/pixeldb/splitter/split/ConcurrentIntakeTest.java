package org.miri.pixeldb.splitter.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.splitter.intake.BucketEvents;
import org.miri.pixeldb.splitter.intake.IntakeLoop;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import org.miri.pixeldb.splitter.intake.ProcessedObjects;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 18, item 3, on the real bucket and broker: one intake splits several objects side by side. Each object's
 * opening waits until every object of the test is being opened, so a serial intake can never pass; every offset is
 * committed once all are done. The intake reads a topic of the test's own and the objects lie in a bucket of the
 * test's own, so that neither the application's objects nor its intake come in between.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ConcurrentIntakeTest {

    private static final int OBJECTS = 3;
    final RealServers servers = RealServers.shared();

    @Test
    void objectsAreSplitSideBySideAndEveryNotificationIsCommitted() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String topic = "test.concurrent-intake-" + tag;
        String group = "concurrent-intake-" + tag;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        CountDownLatch allOpening = new CountDownLatch(OBJECTS);
        ObjectSplitter.ProductOpener opener = (file, key) -> {
            allOpening.countDown();
            try {
                boolean together = allOpening.await(30, TimeUnit.SECONDS);
                throw new RejectedProductException(together ? "opened side by side" : "opened alone");
            } catch (InterruptedException e) {
                throw new RejectedProductException("interrupted");
            }
        };
        String bucket = "concurrent-intake-" + tag;
        try (S3Client s3 = servers.s3().client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        Path work = Files.createTempDirectory("concurrent-intake");
        List<RecordMetadata> sent = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.producer(servers.kafkaBootstrapServers(), "concurrent-intake"));
             ProcessedObjects processed = new ProcessedObjects(servers.kafkaBootstrapServers())) {
            List<ObjectSplitter> splitters = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                splitters.add(new ObjectSplitter(servers.s3(), WorkDirectory.open(work), SplitProducers.of(producer),
                        64 * 1024, Long.MAX_VALUE, opener));
            }
            IntakeLoop intake = new IntakeLoop(new KafkaConsumer<>(KafkaSettings.consumer(servers.kafkaBootstrapServers(),
                    group, 10)), topic, producer, processed, splitters);
            Thread thread = new Thread(intake, "concurrent-intake");
            thread.start();
            try {
                // One partition: the side-by-side splitting cannot come from several partitions or consumers.
                for (int i = 0; i < OBJECTS; i++) {
                    ObjectVersion version = put(bucket, "concurrent/" + tag + "_" + i + "_uncal.fits");
                    keys.add(version.objectKey());
                    sent.add(producer.send(new ProducerRecord<>(topic, version.objectKey(),
                            BucketEvents.notification(version))).get(10, TimeUnit.SECONDS));
                }
                Map<String, String> reasons = awaitOutcomes(keys);
                assertEquals(OBJECTS, reasons.size());
                reasons.forEach((key, reason) -> assertEquals("opened side by side", reason, key));
                awaitCommitted(group, new TopicPartition(topic, 0), sent.get(OBJECTS - 1).offset() + 1);
            } finally {
                intake.stop();
                thread.join(30_000);
            }
        }
    }

    private ObjectVersion put(String bucket, String key) {
        try (S3Client s3 = servers.s3().client()) {
            String etag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(new byte[2880])).eTag();
            return new ObjectVersion(bucket, key, etag.replace("\"", ""), 2880, null);
        }
    }

    /** The REJECTED manifest events of the given objects, by object key. */
    private Map<String, String> awaitOutcomes(Set<String> keys) {
        AvroMessageCodec<IngestEvent> codec = AvroMessageCodec.of(IngestEvent.class);
        Map<String, Object> config = KafkaSettings.consumer(servers.kafkaBootstrapServers(), null, 500);
        config.remove("group.id");
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.MANIFESTS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (reasons.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    IngestEvent event = codec.decode(record.value());
                    String key = event.getSource().getBucket() + "/" + event.getSource().getKey();
                    if (keys.contains(key) && event.getState() == IngestState.REJECTED) {
                        reasons.put(key, event.getReason());
                    }
                }
            }
        }
        return reasons;
    }

    private void awaitCommitted(String group, TopicPartition partition, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                if (committed != null && committed.offset() == offset) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the intake committed " + committed + ", not " + offset);
                Thread.sleep(200);
            }
        }
    }
}
