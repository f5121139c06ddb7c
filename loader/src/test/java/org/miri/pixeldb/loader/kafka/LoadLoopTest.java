package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load loop against a MockConsumer, a fake database and a fake handler: what it commits where, and in which
 * order. Each test waits for the Kafka commit that ends its scenario, stops the loop, then compares the whole
 * sequence of events, so that an extra replay or an early commit shows.
 */
@Timeout(20)
class LoadLoopTest {

    private final Events events = new Events();
    private final FakeDatabase db = new FakeDatabase(events);
    private final RecordingHandler handler = new RecordingHandler(events, db);
    private final LogConsumer consumer = new LogConsumer(events, 2);

    @Test
    void offsetsMoveOnlyAfterTheDatabaseCommitAndTheAnnouncement() throws Exception {
        consumer.append(0, 3).append(1, 2);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 3L, 1, 2L)));
        }
        // A crash between any two of these replays the poll: the offsets must come last.
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p0@2, p1@0, p1@1]", "db commit", "announce",
                "kafka commit p0=3 p1=2"), events.list());
        assertEquals(List.of("p0@0", "p0@1", "p0@2", "p1@0", "p1@1"), db.stored());
        assertEquals(0, db.open());
    }

    @Test
    void aPoisonRecordIsGivenUpAndItsPartitionMovesOn() throws Exception {
        handler.poison("p0@1");
        consumer.append(0, 3).append(1, 1);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 3L, 1, 1L)));
            // The partition is not blocked: what comes after the poison loads in one batch again.
            consumer.append(0, 1);
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 4L, 1, 1L)));
        }
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p0@2, p1@0]", "db rollback",
                // one record per transaction, to find which one fails alone
                "db begin", "apply [p0@0]", "db commit", "announce", "kafka commit p0=1",
                "db begin", "apply [p0@1]", "db rollback", "give up p0@1", "kafka commit p0=2",
                "db begin", "apply [p0@2]", "db commit", "announce", "kafka commit p0=3",
                "db begin", "apply [p1@0]", "db commit", "announce", "kafka commit p1=1",
                "db begin", "apply [p0@3]", "db commit", "announce", "kafka commit p0=4"), events.list());
        assertEquals(List.of("p0@0", "p0@2", "p1@0", "p0@3"), db.stored());
        assertEquals(Set.of("p0@1"), handler.givenUp().keySet());
        // The dead letter carries why, for whoever looks at it later.
        assertTrue(handler.givenUp().get("p0@1").startsWith("SQLException: new row violates check constraint"),
                handler.givenUp().toString());
        assertEquals(0, db.open());
    }

    @Test
    void aLostConnectionAtCommitReplaysTheBatchBeforeAnyOffsetMoves() throws Exception {
        db.failCommit(1);
        consumer.append(0, 2).append(1, 1);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 2L, 1, 1L)));
        }
        // The same records again (the consumer was set back), after a backoff, and one Kafka commit only.
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p1@0]", "db commit failed", "db rollback",
                "db begin", "apply [p0@0, p0@1, p1@0]", "db commit", "announce", "kafka commit p0=2 p1=1"),
                events.list());
        assertEquals(List.of("p0@0", "p0@1", "p1@0"), db.stored());
        assertEquals(Map.of(), handler.givenUp(), "a transient failure must not dead-letter anything");
        assertEquals(0, db.open());
    }

    @Test
    void aWaitingPartitionIsSetBackPausedThenResumedAndReplayed() throws Exception {
        handler.waitOnce("p0@1");
        consumer.append(0, 3).append(1, 2);
        try (LoopRun run = new LoopRun(consumer, db, handler)) {
            events.await(() -> consumer.committedOffsets().equals(Map.of(0, 3L, 1, 2L)));
        }
        assertEquals(List.of(
                "db begin", "apply [p0@0, p0@1, p0@2, p1@0, p1@1]", "db commit", "announce",
                // p0 committed up to its waiting record, not past it; p1 does not wait for p0
                "kafka commit p0=1 p1=2", "pause [p0]",
                "resume [p0]",
                "db begin", "apply [p0@1, p0@2]", "db commit", "announce", "kafka commit p0=3"), events.list());
        assertEquals(List.of("p0@0", "p1@0", "p1@1", "p0@1", "p0@2"), db.stored());
        assertEquals(Set.of(), consumer.paused());
        // The first pause is the backoff's first step, 100 ms: waiting records must not come back in a busy loop.
        assertTrue(consumer.pauseLasted().compareTo(Duration.ofMillis(100)) >= 0, consumer.pauseLasted()::toString);
    }
}
