package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The writers' consume-load-commit cycle: each poll is applied in one database transaction, and
 * the Kafka offsets move only after that transaction committed and the handler announced it (its
 * acknowledgements). A crash anywhere replays the poll;
 * the handler's ledger makes the replay a no-op. What cannot be loaded yet is retried with backoff.
 */
public final class LoadLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(LoadLoop.class);
    private final Consumer<String, byte[]> consumer;
    private final DataSource dataSource;
    private final BatchHandler handler;
    private final List<String> topics;
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    private long resumeAt;
    private volatile boolean running = true;

    public LoadLoop(Consumer<String, byte[]> consumer, DataSource dataSource, BatchHandler handler, List<String> topics) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.handler = handler;
        this.topics = topics;
    }

    @Override
    public void run() {
        consumer.subscribe(topics);
        try {
            while (running) {
                if (!consumer.paused().isEmpty() && System.nanoTime() - resumeAt >= 0) {
                    consumer.resume(consumer.paused());
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    load(records);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            consumer.close();
        }
    }

    private void load(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new java.util.ArrayList<>();
        records.forEach(batch::add);
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            Map<TopicPartition, Long> replay;
            try {
                replay = handler.apply(tx, batch);
                tx.commit();
            } catch (Exception e) {
                tx.rollback();
                throw e;
            }
            handler.committed();
            Map<TopicPartition, OffsetAndMetadata> done = nextOffsets(batch);
            replay.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
            if (replay.isEmpty()) {
                backoff.reset();
            } else {
                LOG.debugf("%d partitions wait for records of other partitions", replay.size());
                replay.forEach(consumer::seek);
                pauseWaiting(replay.keySet());
            }
        } catch (SQLException e) {
            LOG.infof("batch of %d records not loaded yet (%s); retrying", batch.size(), e.getMessage());
            rewind(batch);
            backoff.pause();
        } catch (Exception e) {
            LOG.errorf(e, "batch of %d records failed; retrying", batch.size());
            rewind(batch);
            backoff.pause();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /**
     * Partitions whose records wait for records of other partitions (chunks for their exposure records)
     * pause for a backoff interval, while the other partitions go on loading.
     */
    private void pauseWaiting(Set<TopicPartition> waiting) {
        Set<TopicPartition> assigned = new HashSet<>(waiting);
        assigned.retainAll(consumer.assignment());
        consumer.pause(assigned);
        resumeAt = System.nanoTime() + backoff.next().toNanos();
    }

    /** Back to the first record of the batch on every partition, so the next poll replays it. */
    private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
