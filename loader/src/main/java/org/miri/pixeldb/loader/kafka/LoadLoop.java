package org.miri.pixeldb.loader.kafka;

import java.time.Duration;
import java.util.ArrayList;
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
 * the Kafka offsets move only after that transaction committed. A crash anywhere replays the poll;
 * the handler's ledger makes the replay a no-op. A transient failure (database or broker away) is
 * retried with exponential backoff; any other failure is isolated to the record that causes it, which
 * is given up, so that no record can block its partition.
 */
public final class LoadLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(LoadLoop.class);
    private final Consumer<String, byte[]> consumer;
    private final BatchHandler handler;
    private final BatchTransaction transaction;
    private final List<String> topics;
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    private int transientFailures;
    private long resumeAt;
    private volatile boolean running = true;

    public LoadLoop(Consumer<String, byte[]> consumer, DataSource dataSource, BatchHandler handler, List<String> topics) {
        this.consumer = consumer;
        this.handler = handler;
        this.transaction = new BatchTransaction(dataSource, handler);
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
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    records.forEach(batch::add);
                    load(batch);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            consumer.close();
        }
    }

    private void load(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> replay;
        try {
            replay = transaction.apply(batch);
        } catch (Exception e) {
            if (TransientFailures.isTransient(e)) {
                retryLater(batch, e);
            } else {
                LOG.warnf("batch of %d records failed (%s); loading them one by one to find the cause", batch.size(),
                        e.getMessage());
                isolate(batch);
            }
            return;
        }
        if (commit(batch, replay)) {
            transientFailures = 0;
            backoff.reset();
        }
    }

    /**
     * Each record in its own transaction: one that fails alone with a non-transient error is given up;
     * a transient error stops the round and replays the rest later.
     */
    private void isolate(List<ConsumerRecord<String, byte[]>> batch) {
        Set<TopicPartition> waiting = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            ConsumerRecord<String, byte[]> record = batch.get(i);
            TopicPartition partition = partition(record);
            if (waiting.contains(partition)) {
                continue; // replayed from its waiting record on
            }
            try {
                Map<TopicPartition, Long> replay;
                try {
                    replay = transaction.apply(List.of(record));
                } catch (Exception e) {
                    if (TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    LOG.errorf(e, "giving up %s: it fails alone", where(record));
                    handler.giveUp(record, e.getClass().getSimpleName() + ": " + e.getMessage());
                    replay = Map.of();
                }
                if (!commit(List.of(record), replay)) {
                    rewind(batch.subList(i + 1, batch.size()), waiting);
                    return;
                }
                waiting.addAll(replay.keySet());
            } catch (Exception e) {
                retryLater(batch.subList(i, batch.size()), e);
                return;
            }
        }
    }

    /** Commits the offsets after the records (or of the waiting record); false when Kafka refused (replayed). */
    private boolean commit(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> replay) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            done.merge(partition(record), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        replay.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(done);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Stored but not committed: the replay finds every chunk in the ledger.
            retryLater(records, e);
            return false;
        }
        if (!replay.isEmpty()) {
            LOG.debugf("%d partitions wait for records of other partitions", replay.size());
            replay.forEach(consumer::seek);
            pauseWaiting(replay.keySet());
        }
        return true;
    }

    private void retryLater(List<ConsumerRecord<String, byte[]>> records, Exception e) {
        transientFailures++;
        Duration pause = backoff.next();
        LOG.warnf("%d records not loaded (%s); retry %d in %d ms", records.size(), e.getMessage(), transientFailures,
                pause.toMillis());
        rewind(records, Set.of());
        sleep(pause);
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

    /** Back to the first of these records on every partition (but those already set to replay), so the next poll replays it. */
    private void rewind(List<ConsumerRecord<String, byte[]>> records, Set<TopicPartition> alreadySet) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            first.merge(partition(record), record.offset(), Math::min);
        }
        first.forEach((partition, offset) -> {
            if (!alreadySet.contains(partition) && consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
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
