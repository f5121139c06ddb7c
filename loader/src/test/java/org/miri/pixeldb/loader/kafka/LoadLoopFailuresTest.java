package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Failures after the database commit (the announcement, the Kafka commit) and failures while the loop isolates a
 * poison record: what is replayed, from where, and that nothing is given up twice or stored twice.
 */
@Timeout(20)
class LoadLoopFailuresTest {

    private final Events events = new Events();
    private final FakeDatabase db = new FakeDatabase(events);
    private final RecordingHandler handler = new RecordingHandler(events, db);
    private final LogConsumer consumer = new LogConsumer(events, 2);

    @Test
    void aFailedAnnouncementReplaysTheStoredBatchBeforeTheOffsetsMove() throws Exception {
        handler.failAnnouncements(1);
        consumer.append(0, 2);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 2L)));
        }
        // Stored but not announced: the offsets must wait, and the replay finds the records in the ledger.
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1]", "db commit", "announce failed",
                "db begin", "apply [p0@0, p0@1]", "db commit", "announce", "kafka commit p0=2"), events.list());
        assertEquals(List.of("p0@0", "p0@1"), db.stored());
        assertEquals(Map.of(), handler.givenUp());
    }

    @Test
    void aRefusedKafkaCommitReplaysTheBatchHarmlessly() throws Exception {
        consumer.refuseCommit(1);
        consumer.append(0, 2).append(1, 1);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 2L, 1, 1L)));
        }
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p1@0]", "db commit", "announce", "kafka commit refused",
                "db begin", "apply [p0@0, p0@1, p1@0]", "db commit", "announce", "kafka commit p0=2 p1=1"),
                events.list());
        assertEquals(List.of("p0@0", "p0@1", "p1@0"), db.stored());
    }

    @Test
    void aTransientFailureWhileIsolatingReplaysFromTheFailingRecordOn() throws Exception {
        handler.poison("p0@1");
        db.failCommit(2); // the commit of p0@2 alone, after p0@0's
        consumer.append(0, 3).append(1, 1);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 3L, 1, 1L)));
        }
        // Neither p0@0 (committed) nor the poison (given up) comes back; p0@2 and p1@0 do, in one batch again.
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p0@2, p1@0]", "db rollback",
                "db begin", "apply [p0@0]", "db commit", "announce", "kafka commit p0=1",
                "db begin", "apply [p0@1]", "db rollback", "give up p0@1", "kafka commit p0=2",
                "db begin", "apply [p0@2]", "db commit failed", "db rollback",
                "db begin", "apply [p0@2, p1@0]", "db commit", "announce", "kafka commit p0=3 p1=1"),
                events.list());
        assertEquals(List.of("p0@0", "p0@2", "p1@0"), db.stored());
        assertEquals(Set.of("p0@1"), handler.givenUp().keySet());
    }

    @Test
    void aRefusedCommitAfterGivingUpDoesNotDeadLetterTheRecordTwice() throws Exception {
        handler.poison("p0@1");
        consumer.refuseCommit(2); // the one after giving up p0@1
        consumer.append(0, 3);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 3L)));
        }
        // The consumer is set on after the given-up record, to the rest of the batch, not back to it.
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p0@2]", "db rollback",
                "db begin", "apply [p0@0]", "db commit", "announce", "kafka commit p0=1",
                "db begin", "apply [p0@1]", "db rollback", "give up p0@1", "kafka commit refused",
                "db begin", "apply [p0@2]", "db commit", "announce", "kafka commit p0=3"), events.list());
        assertEquals(List.of("p0@0", "p0@2"), db.stored());
        assertEquals(Set.of("p0@1"), handler.givenUp().keySet());
    }

    /**
     * Found by these tests: every batch of another partition that loaded reset the waiting partition's pause, so under
     * traffic a waiting record was re-applied every 100 ms instead of less and less often. Pauses of 100, 200, 400 and
     * 800 ms allow at most five applications in 1.6 s (a slow machine allows fewer, never more); the old code made 16.
     */
    @Test
    void aWaitingRecordsPauseKeepsGrowingWhileOtherPartitionsLoad() throws Exception {
        handler.waitAlways("p0@0");
        consumer.append(0, 1);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            long end = System.nanoTime() + java.time.Duration.ofMillis(1600).toNanos();
            while (System.nanoTime() < end) {
                consumer.append(1, 1);
                Thread.sleep(20);
            }
        }
        long applied = events.list().stream().filter(e -> e.startsWith("apply [") && e.contains("p0@0")).count();
        assertTrue(applied >= 2 && applied <= 6, "the waiting record was applied " + applied + " times in 1.6 s");
    }
}
