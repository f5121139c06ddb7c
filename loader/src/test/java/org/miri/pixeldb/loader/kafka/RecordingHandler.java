package org.miri.pixeldb.loader.kafka;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A handler that stages each record's id in the fake transaction, skipping ids already stored as the chunk ledger
 * does (so that replays are harmless, as the contract requires), and that can be told which record fails for good,
 * which record must wait once, and how many announcements fail.
 */
final class RecordingHandler implements BatchHandler {

    private final Events events;
    private final FakeDatabase db;
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final Set<String> waitingOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> waitingAlways = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failingAnnouncements = new AtomicInteger();
    private final Map<String, String> givenUp = new LinkedHashMap<>();

    RecordingHandler(Events events, FakeDatabase db) {
        this.events = events;
        this.db = db;
    }

    /** This record fails whenever it is applied, as a check constraint it violates would. */
    RecordingHandler poison(String id) {
        poison.add(id);
        return this;
    }

    /** This record waits (its exposure not loaded yet) the first time it is applied, then loads. */
    RecordingHandler waitOnce(String id) {
        waitingOnce.add(id);
        return this;
    }

    /** This record waits whenever it is applied (its exposure record never comes, within the test). */
    RecordingHandler waitAlways(String id) {
        waitingAlways.add(id);
        return this;
    }

    RecordingHandler failAnnouncements(int count) {
        failingAnnouncements.set(count);
        return this;
    }

    synchronized Map<String, String> givenUp() {
        return new LinkedHashMap<>(givenUp);
    }

    @Override
    public Map<TopicPartition, Long> apply(Connection tx, List<ConsumerRecord<String, byte[]>> batch)
            throws Exception {
        events.add("apply " + Events.ids(batch));
        FakeDatabase.Tx staging = tx.unwrap(FakeDatabase.Tx.class);
        Map<TopicPartition, Long> replay = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            TopicPartition partition = ConsumerPositions.partition(record);
            String id = Events.id(record);
            if (replay.containsKey(partition)) {
                continue; // behind a waiting record of its partition: it comes back with it
            }
            if (poison.contains(id)) {
                throw new SQLException("new row violates check constraint \"ramp_groups_ck\" (" + id + ")", "23514");
            }
            if (waitingOnce.remove(id) || waitingAlways.contains(id)) {
                replay.put(partition, record.offset());
            } else if (!db.stored().contains(id)) {
                staging.stage(id);
            }
        }
        return replay;
    }

    @Override
    public void committed() {
        if (failingAnnouncements.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            events.add("announce failed");
            throw new TimeoutException("load-acks not acknowledged in time");
        }
        events.add("announce");
    }

    @Override
    public synchronized void giveUp(ConsumerRecord<String, byte[]> record, String reason) {
        events.add("give up " + Events.id(record));
        givenUp.put(Events.id(record), reason);
    }
}
