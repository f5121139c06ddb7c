package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.testing.RealServers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class BucketPollerTest {

    @Test
    void s3proxyUploadsInProgressAreNotAnnounced() {
        // As S3Proxy listed one during a real upload to the local stack.
        assertTrue(BucketPoller.isUploadInProgress(
                "jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits-91e61d6f-3893-4f55-800c-b0684ae6cca4"));
        assertFalse(BucketPoller.isUploadInProgress("jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits"));
        assertFalse(BucketPoller.isUploadInProgress("jw01024001001_02101_00001_mirimage_uncal.fits"));
    }

    /** A restarted splitter's listing must not announce the whole bucket again: only what no splitter finished. */
    @Test
    void aListingAnnouncesOnlyTheVersionsTheIntakeHasNotFinished() throws Exception {
        S3Endpoint shared = RealServers.shared().s3();
        // A bucket of its own: the splitters other tests start poll the shared one and would announce these objects.
        S3Endpoint s3 = new S3Endpoint(shared.endpoint(), shared.region(),
                "poller-" + UUID.randomUUID().toString().substring(0, 8), shared.accessKey(), shared.secretKey());
        try (S3Client client = s3.client();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(
                     RealServers.shared().kafkaBootstrapServers(), "bucket-poller-test"))) {
            client.createBucket(b -> b.bucket(s3.bucket()));
            for (String key : List.of("jpl8/finished.fits", "jpl8/new.fits")) {
                client.putObject(b -> b.bucket(s3.bucket()).key(key), RequestBody.fromString(key));
            }
            new BucketPoller(s3, producer, version -> version.key().equals("jpl8/finished.fits")).run();
        }
        assertEquals(List.of("jpl8/new.fits"),
                List.copyOf(LocalBucketNotificationsTest.announced(s3.bucket() + "/", 1).keySet()));
    }
}
