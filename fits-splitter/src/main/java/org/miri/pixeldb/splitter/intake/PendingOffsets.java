package org.miri.pixeldb.splitter.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * Which notifications of each partition are taken but not yet finished, and so how far each partition's offset may be
 * committed: up to its oldest unfinished notification, whatever order the objects finish in. A notification finished
 * after a later one is then never lost by a crash, only split again (the writers' ledger makes that harmless).
 */
final class PendingOffsets {

    private final Map<TopicPartition, NavigableSet<Long>> pending = new HashMap<>();
    /** Per partition, the offset after the newest notification taken. */
    private final Map<TopicPartition, Long> taken = new HashMap<>();
    /** Per partition, the offset committed last, so that only moves are committed. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void take(TopicPartition partition, long offset) {
        pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        taken.merge(partition, offset + 1, Math::max);
    }

    void finish(TopicPartition partition, long offset) {
        NavigableSet<Long> offsets = pending.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** @return per partition whose position moved since the last call, the offset to commit */
    Map<TopicPartition, Long> committable() {
        Map<TopicPartition, Long> moves = new HashMap<>();
        taken.forEach((partition, next) -> {
            NavigableSet<Long> offsets = pending.get(partition);
            long position = offsets == null || offsets.isEmpty() ? next : offsets.first();
            if (!Long.valueOf(position).equals(committed.get(partition))) {
                moves.put(partition, position);
            }
        });
        return moves;
    }

    void committed(Map<TopicPartition, Long> positions) {
        committed.putAll(positions);
    }

    boolean hasPending(Predicate<TopicPartition> partitions) {
        return pending.entrySet().stream().anyMatch(e -> partitions.test(e.getKey()) && !e.getValue().isEmpty());
    }

    /** Drops what is known of partitions this instance no longer owns. */
    void forget(Predicate<TopicPartition> partitions) {
        pending.keySet().removeIf(partitions);
        taken.keySet().removeIf(partitions);
        committed.keySet().removeIf(partitions);
    }
}
