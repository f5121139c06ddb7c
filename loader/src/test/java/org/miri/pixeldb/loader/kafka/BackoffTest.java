package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pauses between retries and of waiting partitions: doubling up to a ceiling, back to the start on success. */
class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L),
                Stream.generate(backoff::next).limit(6).map(Duration::toMillis).toList());
        backoff.reset();
        assertEquals(Duration.ofMillis(100), backoff.next());
    }
}
