package org.miri.pixeldb.loader.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The writers' consume-load-commit cycle: each poll is applied in one database transaction, and
 * the Kafka offsets move only after that transaction committed and the handler announced it (its
 * acknowledgements). A crash anywhere replays the poll;
 * the handler's ledger makes the replay a no-op. A transient failure (database or broker away) is
 * retried with exponential backoff; any other failure is isolated to the record that causes it, which
 * is given up, so that no record can block its partition.
 */
public final class LoadLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(LoadLoop.class);
    private final Consumer<String, byte[]> consumer;
    private final ConsumerPositions positions;
    private final BatchHandler handler;
    private final BatchTransaction transaction;
    private final List<String> topics;
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    // The pause of partitions whose records wait for others: its own, so that other partitions' successes do not
    // reset it and a waiting record is not re-applied ten times a second while the others are busy.
    private final Backoff waitingPause = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    private int transientFailures;
    private volatile boolean running = true;

    public LoadLoop(Consumer<String, byte[]> consumer, DataSource dataSource, BatchHandler handler, List<String> topics) {
        this.consumer = consumer;
        this.positions = new ConsumerPositions(consumer);
        this.handler = handler;
        this.transaction = new BatchTransaction(dataSource, handler);
        this.topics = topics;
    }

    @Override
    public void run() {
        consumer.subscribe(topics);
        try {
            while (running) {
                positions.resumeDue();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    positions.resumeOnNews(records);
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    records.forEach(batch::add);
                    load(batch);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException | Error e) {
            // A bug (a driver's assertion once): said loudly, since the liveness check now fails until a restart.
            LOG.fatalf(e, "the load loop stopped; the service is not live until it restarts");
            throw e;
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
                retryLater(batch, e, Set.of());
            } else {
                LOG.warnf("batch of %d records failed (%s); loading them one by one to find the cause", batch.size(),
                        e.getMessage());
                isolate(batch);
            }
            return;
        }
        if (commit(batch, replay) && replay.isEmpty()) {
            transientFailures = 0;
            backoff.reset();
            if (consumer.paused().isEmpty()) {
                // Nothing waits any more; while a partition does, its pause keeps growing.
                waitingPause.reset();
            }
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
            if (waiting.contains(ConsumerPositions.partition(record))) {
                continue; // replayed from its waiting record on
            }
            try {
                Map<TopicPartition, Long> replay = applyOrGiveUp(record);
                if (!commit(List.of(record), replay)) {
                    positions.rewind(batch.subList(i + 1, batch.size()), waiting);
                    return;
                }
                waiting.addAll(replay.keySet());
            } catch (WakeupException e) {
                throw e; // stop() was called: no retry, no pause
            } catch (Exception e) {
                // Partitions already set back to a waiting record keep that position.
                retryLater(batch.subList(i, batch.size()), e, waiting);
                return;
            }
        }
    }

    /** @throws Exception a transient failure: the record is retried later */
    private Map<TopicPartition, Long> applyOrGiveUp(ConsumerRecord<String, byte[]> record) throws Exception {
        try {
            return transaction.apply(List.of(record));
        } catch (Exception e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "giving up %s/%d@%d: it fails alone", record.topic(), record.partition(), record.offset());
            handler.giveUp(record, e.getClass().getSimpleName() + ": " + e.getMessage());
            return Map.of();
        }
    }

    /** False when Kafka refused the commit: stored but not committed, the replay finds every chunk in the ledger. */
    private boolean commit(List<ConsumerRecord<String, byte[]>> records, Map<TopicPartition, Long> replay) {
        try {
            positions.commit(records, replay, waitingPause::next);
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            retryLater(records, e, Set.of());
            return false;
        }
    }

    private void retryLater(List<ConsumerRecord<String, byte[]>> records, Exception e, Set<TopicPartition> keep) {
        transientFailures++;
        Duration pause = backoff.next();
        LOG.warnf("%d records not loaded (%s); retry %d in %d ms", records.size(), e.getMessage(), transientFailures,
                pause.toMillis());
        positions.rewind(records, keep);
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
