package org.miri.pixeldb.splitter.split;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.miri.pixeldb.platform.kafka.Topic;

/**
 * Sends the records of one product asynchronously and says, after a flush, whether Kafka took every
 * one of them: a product is announced as split only then.
 */
final class RecordSender {

    private final Producer<String, byte[]> producer;
    private final Producer<String, byte[]> rawRamps;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** @param rawRamps the producer of {@link Topic#RAW_RAMPS}, which do not compress; may be {@code producer} */
    RecordSender(Producer<String, byte[]> producer, Producer<String, byte[]> rawRamps) {
        this.producer = producer;
        this.rawRamps = rawRamps;
    }

    void send(Topic topic, String key, byte[] value) {
        Producer<String, byte[]> through = topic == Topic.RAW_RAMPS ? rawRamps : producer;
        through.send(new ProducerRecord<>(topic.topicName(), key, value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    /**
     * Waits for every record sent so far.
     *
     * @throws TransientSplitFailure when Kafka refused any of them for now; a record it can never take (too large)
     *                               is thrown as it is, and rejects the object
     */
    void flush() {
        producer.flush();
        if (rawRamps != producer) {
            rawRamps.flush();
        }
        Exception refused = failure.getAndSet(null);
        if (refused != null) {
            if (!SplitFailures.isTransient(refused)) {
                throw new IllegalStateException("Kafka refused a record: " + refused.getMessage(), refused);
            }
            throw new TransientSplitFailure("Kafka refused a record: " + refused.getMessage(), refused);
        }
    }
}
