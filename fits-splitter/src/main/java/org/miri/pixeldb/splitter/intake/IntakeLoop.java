package org.miri.pixeldb.splitter.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.splitter.split.ObjectSplitter;

/**
 * Consumes bucket notifications and splits the objects they name, as many side by side as there are splitters (one
 * object per splitter, one object key at a time). A partition's offset is committed only up to its oldest notification
 * not yet split and acknowledged by Kafka; a crash in between splits those objects again, which the writers' ledger
 * makes harmless.
 */
public final class IntakeLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(IntakeLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final NotificationHandler handler;
    private final BlockingQueue<ObjectSplitter> idle;
    private final ExecutorService workers;
    private final int capacity;
    private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    private final PendingOffsets offsets = new PendingOffsets();
    private final ObjectLanes<ConsumerRecord<String, byte[]>> lanes = new ObjectLanes<>();
    private volatile boolean running = true;

    /** A notification a worker is done with; {@code done} false when it gave up because the intake stopped. */
    private record Finished(ConsumerRecord<String, byte[]> record, boolean done, Throwable bug) {
    }

    /**
     * @param topic     where the notifications come from: {@link Topic#BUCKET_EVENTS} but in tests of the intake alone
     * @param splitters one per object split at a time
     */
    public IntakeLoop(Consumer<String, byte[]> consumer, String topic, Producer<String, byte[]> producer,
                      ProcessedObjects processed, List<ObjectSplitter> splitters) {
        this.consumer = consumer;
        this.topic = topic;
        this.handler = new NotificationHandler(producer, processed);
        this.idle = new LinkedBlockingQueue<>(splitters);
        // Daemon threads: a split in progress at shutdown is abandoned like a crash, never cut into a false rejection.
        AtomicInteger workerNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(splitters.size(), r -> {
            Thread t = new Thread(r, "split-" + workerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Twice the splitters: the next objects are at hand when one finishes, yet few are held from other instances.
        this.capacity = 2 * splitters.size();
    }

    public IntakeLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer,
                      ProcessedObjects processed, List<ObjectSplitter> splitters) {
        this(consumer, Topic.BUCKET_EVENTS.topicName(), producer, processed, splitters);
    }

    public IntakeLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer,
                      ProcessedObjects processed, ObjectSplitter splitter) {
        this(consumer, producer, processed, List.of(splitter));
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic), new Handover());
        try {
            while (running) {
                if (lanes.size() >= capacity) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    offsets.take(partition(record), record.offset());
                    if (lanes.admit(laneOf(record), record)) {
                        start(record);
                    }
                }
                settle(finished.poll());
            }
        } catch (WakeupException e) {
            // stop() was called
        } finally {
            running = false;
            workers.shutdown();
            consumer.close();
        }
    }

    private void start(ConsumerRecord<String, byte[]> record) {
        workers.execute(() -> {
            ObjectSplitter splitter = idle.poll();
            try {
                finished.add(new Finished(record, handler.handle(record, splitter, () -> running), null));
            } catch (Throwable bug) {
                finished.add(new Finished(record, false, bug));
            } finally {
                idle.add(splitter);
            }
        });
    }

    /** Takes what the workers finished (the first given), starts each object's next notification, commits. */
    private void settle(Finished first) {
        for (Finished f = first; f != null; f = finished.poll()) {
            if (f.bug() != null) {
                throw new IllegalStateException("a split failed beyond its error handling", f.bug());
            }
            if (f.done()) {
                offsets.finish(partition(f.record()), f.record().offset());
            }
            lanes.finish(laneOf(f.record())).ifPresent(this::start);
        }
        Map<TopicPartition, Long> moves = offsets.committable();
        if (!moves.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            moves.forEach((p, o) -> commit.put(p, new OffsetAndMetadata(o)));
            try {
                consumer.commitSync(commit);
                offsets.committed(moves);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                LOG.warnf("offsets not committed yet (%s); the next round tries again", e.getMessage());
            }
        }
    }

    /** Partitions taken away: their objects in progress are finished and committed first, so none is split twice. */
    private final class Handover implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            try {
                while (running && offsets.hasPending(revoked::contains)) {
                    settle(finished.poll(POLL.toMillis(), TimeUnit.MILLISECONDS));
                }
                settle(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            offsets.forget(revoked::contains);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            offsets.forget(lost::contains); // another instance owns them already: nothing of ours may be committed
        }
    }

    private static TopicPartition partition(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static String laneOf(ConsumerRecord<String, byte[]> record) {
        return record.key() == null ? "" : record.key();
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
