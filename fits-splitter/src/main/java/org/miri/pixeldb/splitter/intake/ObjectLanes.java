package org.miri.pixeldb.splitter.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One lane per object key: notifications of different objects are split side by side, those of one object one after
 * the other in the order they came, as when the intake was serial. Two versions of an object uploaded in quick
 * succession are then still settled in upload order.
 *
 * @param <N> a notification
 */
final class ObjectLanes<N> {

    private final Map<String, Deque<N>> waiting = new HashMap<>();
    private int size;

    /** @return true when the notification may start now: no other of its object is being split */
    boolean admit(String key, N notification) {
        size++;
        Deque<N> lane = waiting.get(key);
        if (lane == null) {
            waiting.put(key, new ArrayDeque<>());
            return true;
        }
        lane.addLast(notification);
        return false;
    }

    /** @return the next notification of the finished one's object, now to be started */
    Optional<N> finish(String key) {
        size--;
        Deque<N> lane = waiting.get(key);
        if (lane == null || lane.isEmpty()) {
            waiting.remove(key);
            return Optional.empty();
        }
        return Optional.of(lane.removeFirst());
    }

    /** Notifications admitted and not finished: being split or waiting for their object's turn. */
    int size() {
        return size;
    }
}
