package org.miri.pixeldb.splitter.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.BucketLayout;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * For stores that send no notifications (S3Proxy): lists the bucket and publishes a notification for
 * every object version it has not seen yet, onto the same topic the store's notifications go to.
 * Its memory is only a shortcut; the intake decides what was already processed.
 */
public final class BucketPoller implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BucketPoller.class);
    private static final Pattern UPLOAD_IN_PROGRESS =
            Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final S3Endpoint endpoint;
    private final Producer<String, byte[]> producer;
    private final Predicate<ObjectVersion> finished;
    private final Map<String, String> published = new ConcurrentHashMap<>();
    // One client for every listing: a new one per poll cost more than the listing of a small bucket.
    private S3Client s3;

    public BucketPoller(S3Endpoint endpoint, Producer<String, byte[]> producer) {
        this(endpoint, producer, version -> false);
    }

    /**
     * @param finished what the intake already knows to be finished ({@link ProcessedObjects#isFinished}): a restarted
     *                 splitter's first listing would otherwise announce the whole bucket again, and the intake, which
     *                 reads the manifests to their end for every announced version it does not know, took 18-28 s
     *                 (2,995 objects, 2026-12-06) to reach the uploads behind them
     */
    public BucketPoller(S3Endpoint endpoint, Producer<String, byte[]> producer, Predicate<ObjectVersion> finished) {
        this.endpoint = endpoint;
        this.producer = producer;
        this.finished = finished;
    }

    /**
     * S3Proxy's file-system store writes an upload to "key-UUID" and renames it when complete, and lists
     * that file meanwhile; announcing it would log a phantom object as ignored.
     */
    static boolean isUploadInProgress(String key) {
        return UPLOAD_IN_PROGRESS.matcher(key).matches();
    }

    @Override
    public void run() {
        try {
            if (s3 == null) {
                s3 = endpoint.client();
            }
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(endpoint.bucket())).contents()) {
                if (!BucketLayout.isIntakeCandidate(object.key()) || isUploadInProgress(object.key())) {
                    continue;
                }
                ObjectVersion version = new ObjectVersion(endpoint.bucket(), object.key(),
                        object.eTag() == null ? null : object.eTag().replace("\"", ""), object.size(), object.lastModified());
                if (!version.version().equals(published.get(version.objectKey())) && !finished.test(version)) {
                    producer.send(new ProducerRecord<>(Topic.BUCKET_EVENTS.topicName(), version.objectKey(),
                            BucketEvents.notification(version)));
                    published.put(version.objectKey(), version.version());
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            // A store that is briefly away is polled again at the next interval.
            LOG.warnf("listing bucket %s failed: %s", endpoint.bucket(), e.getMessage());
        }
    }

    /** Call once the poller's schedule has stopped. */
    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
