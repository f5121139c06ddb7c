package org.miri.pixeldb.writer.corrected;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;

/** Reads the dead-letter topic from its beginning, as an operator would. */
final class DeadLetterReader {

    private DeadLetterReader() {
    }

    /** The letters matching, once at least one came within the wait (or none after it). */
    static List<ConsumerRecord<String, byte[]>> await(String bootstrapServers, Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                      Duration wait) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> letters = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers,
                "dead-letter-reader-" + UUID.randomUUID(), 500))) {
            letters.subscribe(List.of(Topic.DEAD_LETTERS.topicName()));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> letter : letters.poll(Duration.ofMillis(500))) {
                    if (wanted.test(letter)) {
                        found.add(letter);
                    }
                }
            }
        }
        return found;
    }
}
