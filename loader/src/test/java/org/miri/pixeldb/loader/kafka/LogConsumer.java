package org.miri.pixeldb.loader.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A MockConsumer that serves each partition's log from the consumer's position, as a broker does. MockConsumer
 * alone forgets a record once polled, so a seek back (the loop's replay) would find nothing; here it finds the
 * records again. Commits, pauses and resumes go to the shared event log.
 */
final class LogConsumer extends MockConsumer<String, byte[]> {

    static final String TOPIC = "raw-ramp-chunks";

    private final Events events;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> log = new HashMap<>();
    private final Map<Integer, Long> committed = new TreeMap<>();
    private final Set<Integer> refusedCommits = new HashSet<>();
    private int commitAttempts;
    private long pausedAt;
    private long resumedAt;

    LogConsumer(Events events, int partitionCount) {
        super("earliest");
        this.events = events;
        this.partitions = IntStream.range(0, partitionCount).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
        Map<TopicPartition, Long> beginning = new HashMap<>();
        partitions.forEach(partition -> beginning.put(partition, 0L));
        updateBeginningOffsets(beginning);
    }

    synchronized LogConsumer append(int partition, int count) {
        List<ConsumerRecord<String, byte[]>> records = log.computeIfAbsent(partitions.get(partition),
                p -> new ArrayList<>());
        for (int i = 0; i < count; i++) {
            records.add(new ConsumerRecord<>(TOPIC, partition, records.size(), "key",
                    "chunk".getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** The n-th offset commit (from 1) times out, as when the group coordinator is away. */
    synchronized LogConsumer refuseCommit(int attempt) {
        refusedCommits.add(attempt);
        return this;
    }

    synchronized Map<Integer, Long> committedOffsets() {
        return new TreeMap<>(committed);
    }

    synchronized Duration pauseLasted() {
        return Duration.ofNanos(resumedAt - pausedAt);
    }

    // No group coordinator here: the whole topic is assigned at once, as to the only member of the group.
    @Override
    public synchronized void subscribe(Collection<String> topics) {
        super.subscribe(topics);
        rebalance(partitions);
    }

    @Override
    public ConsumerRecords<String, byte[]> poll(Duration timeout) {
        super.poll(timeout); // wakeup, and the positions of newly assigned partitions
        ConsumerRecords<String, byte[]> records = fetch();
        if (records.isEmpty()) {
            // A real poll blocks until records come; spinning would starve the test thread on a small machine.
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records;
    }

    private synchronized ConsumerRecords<String, byte[]> fetch() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> fetched = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (!assignment().contains(partition) || paused().contains(partition)) {
                continue;
            }
            long position = position(partition);
            List<ConsumerRecord<String, byte[]>> records = log.getOrDefault(partition, List.of()).stream()
                    .filter(record -> record.offset() >= position).toList();
            if (!records.isEmpty()) {
                long after = records.get(records.size() - 1).offset() + 1;
                fetched.put(partition, records);
                next.put(partition, new OffsetAndMetadata(after));
                seek(partition, after);
            }
        }
        return new ConsumerRecords<>(fetched, next);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (refusedCommits.contains(++commitAttempts)) {
            events.add("kafka commit refused");
            throw new TimeoutException("Timeout of 60000ms expired before successfully committing offsets");
        }
        super.commitSync(offsets);
        Map<Integer, Long> sorted = new TreeMap<>();
        offsets.forEach((partition, offset) -> sorted.put(partition.partition(), offset.offset()));
        committed.putAll(sorted);
        StringBuilder event = new StringBuilder("kafka commit");
        sorted.forEach((partition, offset) -> event.append(" p").append(partition).append('=').append(offset));
        events.add(event.toString());
    }

    @Override
    public synchronized void pause(Collection<TopicPartition> toPause) {
        super.pause(toPause);
        pausedAt = System.nanoTime();
        events.add("pause " + names(toPause));
    }

    @Override
    public synchronized void resume(Collection<TopicPartition> toResume) {
        resumedAt = System.nanoTime();
        events.add("resume " + names(toResume));
        super.resume(toResume);
    }

    private static List<String> names(Collection<TopicPartition> partitions) {
        return partitions.stream().map(p -> "p" + p.partition()).sorted().toList();
    }
}
