package org.miri.pixeldb.splitter.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.DeadLetters;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.splitter.split.ObjectSplitter;
import org.miri.pixeldb.splitter.split.SplitFailures;

/**
 * Consumes bucket notifications and splits each object version not processed before. The offset
 * of a notification is committed only after its object is split and every record is acknowledged
 * by Kafka; a crash in between splits the object again, which the writers' ledger makes harmless.
 */
public final class IntakeLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final String SERVICE = "fits-splitter";
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final ProcessedObjects processed;
    private final ObjectSplitter splitter;
    private volatile boolean running = true;

    public IntakeLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer,
                      ProcessedObjects processed, ObjectSplitter splitter) {
        this.consumer = consumer;
        this.producer = producer;
        this.processed = processed;
        this.splitter = splitter;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(Topic.BUCKET_EVENTS.topicName()));
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    try {
                        handle(record);
                    } catch (RuntimeException e) {
                        if (SplitFailures.isTransient(e)) {
                            // Kafka or the store is away for now: the same notification is tried again.
                            LOG.warnf("object of %s not split yet, retrying in %d ms: %s", record.key(),
                                    RETRY.toMillis(), e.getMessage());
                            consumer.seek(partition, record.offset());
                            sleep(RETRY);
                            break;
                        }
                        // Anything else would fail again on every retry and hold the partition: set it aside.
                        LOG.errorf(e, "bucket event %s/%d@%d could not be handled; dead-lettered", record.topic(),
                                record.partition(), record.offset());
                        DeadLetters.send(producer, SERVICE, record, SplitFailures.unexpected(e));
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        List<ObjectVersion> versions;
        try {
            versions = BucketEvents.parse(record.value());
        } catch (BucketEvents.MalformedEventException e) {
            LOG.warnf("bucket event %s/%d@%d is malformed: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            DeadLetters.send(producer, SERVICE, record, "malformed bucket event: " + e.getMessage());
            return;
        }
        for (ObjectVersion version : versions) {
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

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
