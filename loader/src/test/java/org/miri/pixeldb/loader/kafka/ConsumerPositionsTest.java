package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where the loop's consumer stands after a commit, a replay or a rewind; driven step by step, no thread. */
@Timeout(5)
class ConsumerPositionsTest {

    private static final TopicPartition P0 = new TopicPartition("raw-ramp-chunks", 0);
    private static final TopicPartition P1 = new TopicPartition("raw-ramp-chunks", 1);
    private static final TopicPartition P2 = new TopicPartition("raw-ramp-chunks", 2);
    // Nothing waits: drawing a pause would grow the backoff for nothing.
    private static final Supplier<Duration> NO_PAUSE_EXPECTED = () -> fail("no partition waits: no pause to draw");

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final ConsumerPositions positions = new ConsumerPositions(consumer);

    @BeforeEach
    void assignTwoPartitions() {
        consumer.assign(List.of(P0, P1));
        consumer.seek(P0, 10);
        consumer.seek(P1, 10);
    }

    @Test
    void commitsTheOffsetAfterTheLastRecordOfEachPartition() {
        // Out of order on purpose: the highest offset wins, not the last one seen.
        positions.commit(List.of(record(P0, 3), record(P0, 5), record(P0, 4), record(P1, 7)), Map.of(),
                NO_PAUSE_EXPECTED);
        assertEquals(Map.of(P0, new OffsetAndMetadata(6), P1, new OffsetAndMetadata(8)),
                consumer.committed(Set.of(P0, P1)));
        assertEquals(Set.of(), consumer.paused());
        assertEquals(10, consumer.position(P0), "no replay: the position stays where the poll left it");
    }

    @Test
    void aWaitingPartitionIsCommittedUpToItsWaitingRecordSetBackAndPaused() {
        positions.commit(List.of(record(P0, 3), record(P0, 4), record(P0, 5), record(P1, 7)), Map.of(P0, 4L),
                () -> Duration.ofHours(1));
        assertEquals(Map.of(P0, new OffsetAndMetadata(4), P1, new OffsetAndMetadata(8)),
                consumer.committed(Set.of(P0, P1)));
        assertEquals(4, consumer.position(P0));
        assertEquals(10, consumer.position(P1));
        assertEquals(Set.of(P0), consumer.paused());
        positions.resumeDue();
        assertEquals(Set.of(P0), consumer.paused(), "an hour's pause is not over yet");
    }

    @Test
    void aPauseOverResumesThePausedPartitions() {
        positions.commit(List.of(record(P0, 3)), Map.of(P0, 3L), () -> Duration.ZERO);
        assertEquals(Set.of(P0), consumer.paused());
        positions.resumeDue();
        assertEquals(Set.of(), consumer.paused());
        assertEquals(3, consumer.position(P0), "resuming must not move the partition");
    }

    @Test
    void recordsOfAnotherTopicResumeTheWaitingPartitionsAtOnceRecordsOfTheirOwnDoNot() {
        positions.commit(List.of(record(P0, 3)), Map.of(P0, 3L), () -> Duration.ofHours(1));
        positions.resumeOnNews(polled(record(P1, 10)));
        assertEquals(Set.of(P0), consumer.paused(), "more chunks: still nothing they wait for");
        positions.resumeOnNews(polled(record(new TopicPartition("exposures", 0), 0)));
        assertEquals(Set.of(), consumer.paused(), "an exposure record may be the one they wait for");
        assertEquals(3, consumer.position(P0));
    }

    private static ConsumerRecords<String, byte[]> polled(ConsumerRecord<String, byte[]> record) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record)));
    }

    @Test
    void aRefusedCommitNeitherSetsBackNorPauses() {
        MockConsumer<String, byte[]> refusing = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
                throw new TimeoutException("coordinator away");
            }
        };
        refusing.assign(List.of(P0));
        refusing.seek(P0, 10);
        ConsumerPositions refused = new ConsumerPositions(refusing);
        assertThrows(TimeoutException.class,
                () -> refused.commit(List.of(record(P0, 3)), Map.of(P0, 3L), () -> Duration.ofHours(1)));
        // The loop rewinds the whole batch itself after a refusal; a half-applied replay would fight it.
        assertEquals(10, refusing.position(P0));
        assertEquals(Set.of(), refusing.paused());
    }

    @Test
    void rewindSetsEachPartitionBackToItsFirstRecordButTheKeptOnes() {
        positions.rewind(List.of(record(P0, 5), record(P0, 3), record(P1, 6), record(P2, 1)), Set.of(P1));
        assertEquals(3, consumer.position(P0), "the lowest offset, wherever it is in the list");
        assertEquals(10, consumer.position(P1), "kept: already set back to a waiting record");
        // P2 is no longer assigned (a rebalance took it): no seek, and no exception either.
        assertEquals(Set.of(P0, P1), consumer.assignment());
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", new byte[0]);
    }
}
