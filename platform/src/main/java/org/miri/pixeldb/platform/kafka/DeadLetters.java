package org.miri.pixeldb.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Records that cannot be processed go to the dead-letter topic unchanged, with why and where from
 * in headers, so that the partition they came from keeps moving and nothing is silently dropped.
 * Sending waits for the broker: a dead letter that did not reach Kafka must fail the caller's batch,
 * which is then retried, rather than drop the record without trace.
 */
public final class DeadLetters {

    public static final String REASON = "pixeldb.reason";
    /** Where the record was read: {@code topic/partition@offset}. */
    public static final String ORIGIN = "pixeldb.origin";
    public static final String ORIGIN_BUCKET = "pixeldb.origin.bucket";
    public static final String ORIGIN_KEY = "pixeldb.origin.key";
    public static final String ORIGIN_ETAG = "pixeldb.origin.etag";
    public static final String SERVICE = "pixeldb.service";
    public static final String TIME = "pixeldb.time";

    private DeadLetters() {
    }

    public static void send(Producer<String, byte[]> producer, String service, ConsumerRecord<String, byte[]> record,
                            String reason) {
        send(producer, service, record, reason, null);
    }

    /** @param object the bucket object the record came from, when known (null otherwise) */
    public static void send(Producer<String, byte[]> producer, String service, ConsumerRecord<String, byte[]> record,
                            String reason, ObjectOrigin object) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topic.DEAD_LETTERS.topicName(), record.key(),
                record.value());
        Headers headers = letter.headers();
        add(headers, REASON, reason);
        add(headers, ORIGIN, record.topic() + "/" + record.partition() + "@" + record.offset());
        if (object != null) {
            add(headers, ORIGIN_BUCKET, object.bucket());
            add(headers, ORIGIN_KEY, object.key());
            add(headers, ORIGIN_ETAG, object.etag());
        }
        add(headers, SERVICE, service);
        add(headers, TIME, Instant.now().toString());
        try {
            producer.send(letter).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterNotSentException(reason, e);
        } catch (ExecutionException e) {
            throw new DeadLetterNotSentException(reason, e.getCause());
        }
    }

    /** The value of a dead letter's header, or null. */
    public static String header(ConsumerRecord<?, ?> letter, String name) {
        var header = letter.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
