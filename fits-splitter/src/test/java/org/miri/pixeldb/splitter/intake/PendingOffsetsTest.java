package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void aPartitionIsCommittedOnlyUpToItsOldestUnfinishedNotification() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.take(P0, 10);
        offsets.take(P0, 11);
        offsets.take(P0, 12);
        assertEquals(Map.of(P0, 10L), offsets.committable(), "nothing finished: the position stays before 10");
        offsets.committed(Map.of(P0, 10L));
        offsets.finish(P0, 12);
        offsets.finish(P0, 11);
        assertEquals(Map.of(), offsets.committable(), "11 and 12 done, 10 not: a crash must replay 10");
        offsets.finish(P0, 10);
        assertEquals(Map.of(P0, 13L), offsets.committable());
        offsets.committed(Map.of(P0, 13L));
        assertEquals(Map.of(), offsets.committable(), "only moves are committed");
    }

    @Test
    void partitionsMoveIndependentlyAndOffsetsMayHaveGaps() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.take(P0, 5);
        offsets.take(P1, 100);
        offsets.take(P1, 107); // compaction or transaction markers leave gaps
        offsets.finish(P1, 107);
        offsets.finish(P0, 5);
        assertEquals(Map.of(P0, 6L, P1, 100L), offsets.committable());
        offsets.finish(P1, 100);
        assertEquals(Map.of(P0, 6L, P1, 108L), offsets.committable());
    }

    @Test
    void aPartitionTakenAwayIsForgottenAndItsLateFinishesChangeNothing() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.take(P0, 1);
        offsets.take(P1, 1);
        assertTrue(offsets.hasPending(P1::equals));
        offsets.forget(P1::equals);
        assertFalse(offsets.hasPending(P1::equals));
        offsets.finish(P1, 1);
        assertEquals(Map.of(P0, 1L), offsets.committable(), "nothing of a partition another instance owns");
    }
}
