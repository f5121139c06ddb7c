package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One log shared by the fake database, the fake handler and the consumer: the loop's contract is about the order in
 * which the three are told things, so the tests compare whole sequences rather than counters.
 */
final class Events {

    private final List<String> log = new ArrayList<>();

    synchronized void add(String event) {
        log.add(event);
    }

    synchronized List<String> list() {
        return List.copyOf(log);
    }

    /** Waits for what the loop thread must reach; the deadline only turns a broken loop into a readable failure. */
    void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("the loop did not get there; events so far: " + list());
            }
            Thread.sleep(1);
        }
    }

    static String id(ConsumerRecord<?, ?> record) {
        return "p" + record.partition() + "@" + record.offset();
    }

    static String ids(List<? extends ConsumerRecord<?, ?>> records) {
        return records.stream().map(Events::id).toList().toString();
    }
}
