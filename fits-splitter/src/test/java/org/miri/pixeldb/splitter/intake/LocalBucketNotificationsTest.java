package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.BucketLayout;
import org.miri.pixeldb.stack.server.S3Server;
import org.miri.pixeldb.testing.ListeningPorts;
import org.miri.pixeldb.testing.RealServers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The local stack's S3 server announces every object created through the S3 API on the bucket-events topic, and the
 * intake reads each announcement as the very version its reconciling listing would find: the same key, ETag, size and
 * time. A real Kafka broker and a real S3Proxy; no listing involved in the announcements.
 */
class LocalBucketNotificationsTest {

    private static final String BUCKET = "notify-" + UUID.randomUUID().toString().substring(0, 8);
    private static S3Server s3;

    @BeforeAll
    static void startNotifyingS3() throws Exception {
        s3 = new S3Server(Path.of("target", "notifying-s3").toAbsolutePath(), "127.0.0.1", ListeningPorts.one(),
                "us-east-1", BUCKET, "TESTKEY", UUID.randomUUID().toString(), List.of(),
                RealServers.shared().kafkaBootstrapServers());
        s3.start();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.stop();
    }

    @Test
    void putsMultipartUploadsAndCopiesAreAnnouncedAsTheListingShowsThem() throws Exception {
        String put = "jpl8/a key with spaces+plus_é.fits";
        String multipart = "full/SYNTH_FULL_uncal.fits";
        String copy = "copies/SYNTH_FULL_uncal.fits";
        try (S3Client client = s3.endpoint().client()) {
            // Neither of these is announced: a folder marker and the exporter's own output.
            client.putObject(b -> b.bucket(BUCKET).key("folder/"), RequestBody.empty());
            client.putObject(b -> b.bucket(BUCKET).key(BucketLayout.exportKey("job-1", "part-0.parquet")),
                    RequestBody.fromString("PAR1"));
            client.putObject(b -> b.bucket(BUCKET).key(put), RequestBody.fromString("SIMPLE  =                    T"));
            String upload = client.createMultipartUpload(b -> b.bucket(BUCKET).key(multipart)).uploadId();
            byte[] part = new byte[5 * 1024 * 1024];
            Arrays.fill(part, (byte) 7);
            String etag1 = client.uploadPart(b -> b.bucket(BUCKET).key(multipart).uploadId(upload).partNumber(1),
                    RequestBody.fromBytes(part)).eTag();
            String etag2 = client.uploadPart(b -> b.bucket(BUCKET).key(multipart).uploadId(upload).partNumber(2),
                    RequestBody.fromString("the last part")).eTag();
            client.completeMultipartUpload(b -> b.bucket(BUCKET).key(multipart).uploadId(upload).multipartUpload(m -> m
                    .parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                            CompletedPart.builder().partNumber(2).eTag(etag2).build())));
            client.copyObject(b -> b.sourceBucket(BUCKET).sourceKey(multipart).destinationBucket(BUCKET)
                    .destinationKey(copy));

            Map<String, ObjectVersion> listed = new TreeMap<>();
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
                listed.put(object.key(), new ObjectVersion(BUCKET, object.key(), object.eTag().replace("\"", ""),
                        object.size(), object.lastModified()));
            }
            // As the poller skips them: the folder marker, exports, and S3Proxy's multipart stubs ("...-UUID").
            listed.remove("folder/");
            listed.keySet().removeIf(key -> BucketLayout.isExport(key) || BucketPoller.isUploadInProgress(key));
            assertEquals(List.of(copy, multipart, put), List.copyOf(listed.keySet()));

            Map<String, ObjectVersion> announced = announced(BUCKET + "/", 3);
            assertEquals(listed.keySet(), announced.keySet());
            for (String key : listed.keySet()) {
                assertEquals(listed.get(key), announced.get(key), key);
                assertEquals(listed.get(key).version(), announced.get(key).version(), key);
            }
            assertEquals(5 * 1024 * 1024 + "the last part".length(), announced.get(multipart).size());
        }
    }

    /**
     * The announcements of the object keys ("bucket/key") starting with {@code keyPrefix}, by key in the bucket, read
     * until {@code expected} arrived and one more second passed.
     */
    static Map<String, ObjectVersion> announced(String keyPrefix, int expected) throws Exception {
        Map<String, ObjectVersion> found = new TreeMap<>();
        Map<String, Object> config = KafkaSettings.consumer(RealServers.shared().kafkaBootstrapServers(),
                "test-" + UUID.randomUUID(), 1000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topic.BUCKET_EVENTS.topicName()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key().startsWith(keyPrefix)) {
                        for (ObjectVersion version : BucketEvents.parse(record.value())) {
                            assertEquals(version.objectKey(), record.key());
                            found.put(version.key(), version);
                        }
                    }
                }
                if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return found;
    }
}
