package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One batch, one transaction: all of it commits and is announced, or none of it is stored. */
@Timeout(5)
class BatchTransactionTest {

    private final Events events = new Events();
    private final FakeDatabase db = new FakeDatabase(events);
    private final RecordingHandler handler = new RecordingHandler(events, db);
    private final BatchTransaction transaction = new BatchTransaction(db.dataSource(), handler);
    private final List<ConsumerRecord<String, byte[]>> batch = List.of(record(0), record(1), record(2));

    @Test
    void commitsThenAnnouncesAndReturnsWhereToReplay() throws Exception {
        handler.waitOnce("p0@1");
        assertEquals(Map.of(new TopicPartition(LogConsumer.TOPIC, 0), 1L), transaction.apply(batch));
        assertEquals(List.of("db begin", "apply [p0@0, p0@1, p0@2]", "db commit", "announce"), events.list());
        assertEquals(List.of("p0@0"), db.stored());
        assertEquals(0, db.open());
    }

    /**
     * Found by these tests: a connection that failed to close after the commit made apply() throw, so the loop retried
     * the stored records one by one and dead-lettered them as well. Once committed, the batch is a success.
     */
    @Test
    void aConnectionThatFailsToCloseAfterTheCommitLeavesTheBatchLoaded() throws Exception {
        db.failCloses();
        assertEquals(Map.of(), transaction.apply(batch));
        assertEquals(List.of("db begin", "apply [p0@0, p0@1, p0@2]", "db commit", "db close failed", "announce"),
                events.list());
        assertEquals(List.of("p0@0", "p0@1", "p0@2"), db.stored());
    }

    @Test
    void aFailingRecordRollsTheWholeBatchBackAndIsNotAnnounced() {
        handler.poison("p0@2");
        SQLException failure = assertThrows(SQLException.class, () -> transaction.apply(batch));
        // The very exception, so that the loop can tell a transient failure from a record's.
        assertEquals("23514", failure.getSQLState());
        assertEquals(List.of("db begin", "apply [p0@0, p0@1, p0@2]", "db rollback"), events.list());
        assertEquals(List.of(), db.stored());
        assertEquals(0, db.open());
    }

    @Test
    void aLostCommitIsRolledBackAndStaysTransient() {
        db.failCommit(1);
        SQLException failure = assertThrows(SQLException.class, () -> transaction.apply(batch));
        assertTrue(TransientFailures.isTransient(failure));
        assertEquals(List.of("db begin", "apply [p0@0, p0@1, p0@2]", "db commit failed", "db rollback"),
                events.list());
        assertEquals(List.of(), db.stored());
        assertEquals(0, db.open());
    }

    @Test
    void aFailedAnnouncementIsTransientAndDoesNotUndoTheCommit() {
        handler.failAnnouncements(1);
        AnnouncementFailedException failure = assertThrows(AnnouncementFailedException.class,
                () -> transaction.apply(batch));
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertTrue(TransientFailures.isTransient(failure));
        // No rollback after the commit: the records are stored, and the replay finds them in the ledger.
        assertEquals(List.of("db begin", "apply [p0@0, p0@1, p0@2]", "db commit", "announce failed"),
                events.list());
        assertEquals(List.of("p0@0", "p0@1", "p0@2"), db.stored());
        assertEquals(0, db.open());
    }

    @Test
    void aFailedRollbackDoesNotHideTheCause() {
        handler.poison("p0@0");
        db.failRollbacks();
        SQLException failure = assertThrows(SQLException.class, () -> transaction.apply(batch));
        assertEquals("23514", failure.getSQLState());
        assertEquals(1, failure.getSuppressed().length);
        assertEquals("08003", ((SQLException) failure.getSuppressed()[0]).getSQLState());
        assertEquals(0, db.open());
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(LogConsumer.TOPIC, 0, offset, "key", new byte[0]);
    }
}
