package org.miri.pixeldb.splitter.intake;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.splitter.split.ObjectSplitter;
import org.miri.pixeldb.splitter.split.SplitFailures;

/**
 * One bucket notification handled to the end on a worker thread: each object version it names that no instance has
 * finished yet is split; a failure of the world (store or Kafka away) is retried until it passes, any other failure
 * sets the notification aside as a dead letter, so that no notification can hold the intake.
 */
final class NotificationHandler {

    private static final Logger LOG = Logger.getLogger(NotificationHandler.class);
    static final String SERVICE = "fits-splitter";
    private static final Duration RETRY = Duration.ofSeconds(2);
    private final Producer<String, byte[]> producer;
    private final ProcessedObjects processed;

    NotificationHandler(Producer<String, byte[]> producer, ProcessedObjects processed) {
        this.producer = producer;
        this.processed = processed;
    }

    /** @return true when the notification is done with; false when the intake stopped first (it is replayed) */
    boolean handle(ConsumerRecord<String, byte[]> record, ObjectSplitter splitter, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            RuntimeException failure;
            try {
                split(record, splitter);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (!SplitFailures.isTransient(failure)) {
                LOG.errorf(failure, "bucket event %s/%d@%d could not be handled; dead-lettered", record.topic(),
                        record.partition(), record.offset());
                try {
                    DeadLetters.send(producer, SERVICE, record, SplitFailures.unexpected(failure));
                    return true;
                } catch (RuntimeException notSent) {
                    failure = notSent; // Kafka is away: the notification waits for it like any transient failure
                }
            }
            LOG.warnf("object of %s not split yet, retrying in %d ms: %s", record.key(), RETRY.toMillis(),
                    failure.getMessage());
            sleep();
        }
        return false;
    }

    private void split(ConsumerRecord<String, byte[]> record, ObjectSplitter splitter) {
        List<ObjectVersion> versions;
        try {
            versions = BucketEvents.parse(record.value());
        } catch (BucketEvents.MalformedEventException e) {
            LOG.warnf("bucket event %s/%d@%d is malformed: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            DeadLetters.send(producer, SERVICE, record, "malformed bucket event: " + e.getMessage());
            return;
        }
        for (ObjectVersion version : versions) {
            // A finished version stays finished: only one not known yet needs the manifests read to their end, a
            // broker round trip each time.
            if (processed.isFinished(version)) {
                continue;
            }
            processed.catchUp();
            if (!processed.isFinished(version)) {
                IngestEvent outcome = splitter.split(version);
                if (outcome.getState() == IngestState.REJECTED) {
                    // The notification goes to the dead letters with the object it names: replaying it retries the object.
                    DeadLetters.send(producer, SERVICE, record, outcome.getReason(),
                            new ObjectOrigin(version.bucket(), version.key(), version.etag()));
                }
                processed.remember(outcome);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
