package org.miri.pixeldb.splitter.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 13, items 2, 14 and 20, on the real bucket and broker: what fails because of the object ends its status and
 * moves on; what fails because the world is away is retried. Before the fix every one of these but the last was
 * retried for ever on the same notification, holding its partition.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SplitFailureTiersTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    final RealServers servers = RealServers.shared();
    KafkaProducer<String, byte[]> producer;

    /** Not @TempDir: a @QuarkusTest instance does not receive it. */
    Path temp;

    @BeforeEach
    void producer() throws Exception {
        temp = Files.createTempDirectory("tiers-test");
        producer = new KafkaProducer<>(KafkaSettings.producer(servers.kafkaBootstrapServers(), "tiers-test"));
    }

    @AfterEach
    void close() {
        producer.close();
    }

    private ObjectSplitter splitter(S3Endpoint s3, long maxObjectBytes, ObjectSplitter.ProductOpener opener)
            throws Exception {
        return new ObjectSplitter(s3, WorkDirectory.open(temp.resolve("work")), SplitProducers.of(producer), 64 * 1024,
                maxObjectBytes,
                opener);
    }

    private ObjectVersion put(String key, byte[] content) {
        try (S3Client s3 = servers.s3().client()) {
            String etag = s3.putObject(b -> b.bucket(servers.s3().bucket()).key(key), RequestBody.fromBytes(content)).eTag();
            return new ObjectVersion(servers.s3().bucket(), key, etag.replace("\"", ""), content.length, null);
        }
    }

    private long downloadsLeft() throws Exception {
        try (Stream<Path> files = Files.list(temp.resolve("work"))) {
            return files.count();
        }
    }

    @Test
    void anUnexpectedFailureRejectsTheObjectWithTheException() throws Exception {
        ObjectVersion version = put("tiers/unexpected_uncal.fits", new byte[2880]);
        IngestEvent outcome = splitter(servers.s3(), Long.MAX_VALUE, (file, key) -> {
            throw new ArithmeticException("long overflow");
        }).split(version);
        assertEquals(IngestState.REJECTED, outcome.getState());
        assertEquals("internal error while splitting: ArithmeticException: long overflow", outcome.getReason());
        assertEquals(0, downloadsLeft(), "the download is removed whatever happened");
    }

    @Test
    void anObjectAboveTheLimitIsRejectedBeforeItIsDownloaded() throws Exception {
        ObjectVersion version = put("tiers/large_uncal.fits", new byte[5760]);
        IngestEvent outcome = splitter(servers.s3(), 1000, (file, key) -> {
            throw new AssertionError("a rejected object must not be opened");
        }).split(version);
        assertEquals(IngestState.REJECTED, outcome.getState());
        assertEquals("too large: the object holds 5,760 bytes or more, above the 1,000 bytes of "
                + "pixeldb.splitter.max-object-size; nothing was downloaded past that", outcome.getReason());
        assertEquals(0, downloadsLeft());
    }

    @Test
    void anObjectDeletedBeforeItWasReadEndsFailedWithTheReason() throws Exception {
        ObjectVersion gone = new ObjectVersion(servers.s3().bucket(), "tiers/deleted_uncal.fits", "0abc", 2880, null);
        IngestEvent outcome = splitter(servers.s3(), Long.MAX_VALUE, (file, key) -> {
            throw new AssertionError("nothing to open");
        }).split(gone);
        assertEquals(IngestState.FAILED, outcome.getState());
        assertEquals("deleted from the bucket before it was read: nothing to load", outcome.getReason());
    }

    @Test
    void anUnreachableStoreIsTransientAndRetried() throws Exception {
        S3Endpoint away = new S3Endpoint("http://127.0.0.1:9", "us-east-1", "pixeldb-test", "a", "b");
        ObjectVersion version = new ObjectVersion("pixeldb-test", "tiers/away_uncal.fits", "0abc", 2880, null);
        TransientSplitFailure retry = assertThrows(TransientSplitFailure.class,
                () -> splitter(away, Long.MAX_VALUE, (file, key) -> null).split(version));
        assertTrue(retry.getMessage().startsWith("could not download pixeldb-test/tiers/away_uncal.fits"), retry.getMessage());
    }

    /** The running service's intake: a notification it cannot read is dead-lettered and its offset committed. */
    @Test
    void malformedNotificationsAreDeadLetteredAndCommitted() throws Exception {
        String badTime = "{\"Records\": [{\"eventName\": \"s3:ObjectCreated:Put\", \"eventTime\": \"yesterday\", "
                + "\"s3\": {\"bucket\": {\"name\": \"pixeldb-test\"}, \"object\": {\"key\": \"tiers/t.fits\"}}}]}";
        String badEscape = "{\"Records\": [{\"eventName\": \"s3:ObjectCreated:Put\", "
                + "\"s3\": {\"bucket\": {\"name\": \"pixeldb-test\"}, \"object\": {\"key\": \"tiers/%zz.fits\"}}}]}";
        for (String[] poison : List.of(new String[] {badTime, "eventTime 'yesterday' is not an ISO-8601 instant"},
                new String[] {badEscape, "s3.object.key 'tiers/%zz.fits' is not URL-encoded"})) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topic.BUCKET_EVENTS.topicName(), "tiers",
                    poison[0].getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            awaitCommittedPast(sent);
            assertTrue(deadLetterReasons().stream().anyMatch(r -> r.contains(poison[1])), poison[1]);
        }
    }

    private void awaitCommittedPast(RecordMetadata sent) throws Exception {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers.kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("fits-splitter")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                if (committed != null && committed.offset() > sent.offset()) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the splitter's group never committed past offset "
                        + sent.offset() + " of " + partition + ": the partition is stuck");
                Thread.sleep(200);
            }
        }
    }

    private List<String> deadLetterReasons() {
        Map<String, Object> config = KafkaSettings.consumer(servers.kafkaBootstrapServers(), null, 500);
        config.remove("group.id");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.DEAD_LETTERS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> reasons = new java.util.ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
                    reasons.add(DeadLetters.header(letter, DeadLetters.REASON));
                }
            }
            return reasons;
        }
    }
}
