package org.miri.pixeldb.loader.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the load loop's consumer stands: offsets committed after the database commit, partitions set back
 * to replay records, and partitions whose records wait for other partitions paused for a while.
 */
final class ConsumerPositions {

    private final Consumer<String, byte[]> consumer;
    private long resumeAt;

    ConsumerPositions(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** Resumes the paused partitions once their pause is over. */
    void resumeDue() {
        if (!consumer.paused().isEmpty() && System.nanoTime() - resumeAt >= 0) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Resumes the paused partitions at once when a poll brings records of another topic: what they wait for (their
     * exposure record) may be among them, and is loaded before the next poll. A chunk polled before its exposure
     * record otherwise waited out a whole pause, 100 ms or more of a small file's latency (2026-12-06).
     */
    void resumeOnNews(ConsumerRecords<String, byte[]> polled) {
        Set<TopicPartition> paused = consumer.paused();
        if (paused.isEmpty()) {
            return;
        }
        Set<String> waiting = new HashSet<>();
        paused.forEach(p -> waiting.add(p.topic()));
        for (TopicPartition p : polled.partitions()) {
            if (!waiting.contains(p.topic())) {
                consumer.resume(paused);
                return;
            }
        }
    }

    /**
     * Commits the offsets after the records, or of the first record to replay on a partition, then sets
     * those partitions back and pauses them for the next {@code pause}.
     *
     * @throws RuntimeException Kafka did not take the commit (the records are replayed, harmlessly)
     */
    void commit(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> replay,
                Supplier<Duration> pause) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            done.merge(partition(record), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        replay.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
        consumer.commitSync(done);
        if (!replay.isEmpty()) {
            replay.forEach(consumer::seek);
            Set<TopicPartition> assigned = new HashSet<>(replay.keySet());
            assigned.retainAll(consumer.assignment());
            consumer.pause(assigned);
            resumeAt = System.nanoTime() + pause.get().toNanos();
        }
    }

    /** Back to the first of these records on every partition but {@code keep}, so that the next poll replays them. */
    void rewind(List<ConsumerRecord<String, byte[]>> records, Set<TopicPartition> keep) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            first.merge(partition(record), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (!keep.contains(partition) && consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
