package org.miri.pixeldb.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Records that cannot be processed go to the dead-letter topic unchanged, with why and where from
 * in headers, so that the partition they came from keeps moving and nothing is silently dropped.
 */
public final class DeadLetters {

    public static final String REASON = "pixeldb.reason";
    public static final String ORIGIN = "pixeldb.origin";
    public static final String SERVICE = "pixeldb.service";
    public static final String TIME = "pixeldb.time";

    private DeadLetters() {
    }

    public static void send(Producer<String, byte[]> producer, String service, ConsumerRecord<String, byte[]> record,
                            String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topic.DEAD_LETTERS.topicName(), record.key(),
                record.value());
        letter.headers()
                .add(REASON, reason.getBytes(StandardCharsets.UTF_8))
                .add(ORIGIN, (record.topic() + "/" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8))
                .add(SERVICE, service.getBytes(StandardCharsets.UTF_8))
                .add(TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(letter);
        producer.flush();
    }
}
