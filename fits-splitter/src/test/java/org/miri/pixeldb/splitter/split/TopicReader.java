package org.miri.pixeldb.splitter.split;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Reads a topic from its beginning in a fresh consumer group, decoding what the splitter wrote. */
final class TopicReader {

    private TopicReader() {
    }

    /** Every record matching {@code wanted}, polling until {@code done} holds for them or time runs out. */
    static <T extends org.apache.avro.specific.SpecificRecord> List<T> read(String bootstrap, Topic topic, Class<T> type,
            Predicate<T> wanted, Predicate<List<T>> done, Duration timeout) {
        AvroMessageCodec<T> codec = AvroMessageCodec.of(type);
        Map<String, Object> config = KafkaSettings.consumer(bootstrap, "test-" + UUID.randomUUID(), 1000);
        List<T> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic.topicName()));
            while (!done.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    T value = codec.decode(record.value());
                    if (wanted.test(value)) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }
}
