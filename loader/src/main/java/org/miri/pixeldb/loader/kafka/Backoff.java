package org.miri.pixeldb.loader.kafka;

import java.time.Duration;

/** Exponential pause between retries, reset by the first success. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The interval to wait now; the one after it doubles, up to the maximum. */
    Duration next() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return now;
    }

    void reset() {
        next = initial;
    }
}
