package org.miri.pixeldb.loader.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The loop on its own thread, as WriterRuntime runs it; closing stops it and checks that it ended cleanly. */
final class LoopRun implements AutoCloseable {

    private final LogConsumer consumer;
    private final LoadLoop loop;
    private final Thread thread;
    private final AtomicReference<Throwable> crash = new AtomicReference<>();

    LoopRun(LogConsumer consumer, FakeDatabase db, BatchHandler handler) {
        this.consumer = consumer;
        this.loop = new LoadLoop(consumer, db.dataSource(), handler, List.of(LogConsumer.TOPIC));
        this.thread = new Thread(loop, "load-loop-under-test");
        thread.setDaemon(true); // never outlives a failed test
        thread.setUncaughtExceptionHandler((t, e) -> crash.set(e));
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "stop() did not end the loop");
        // The loop's thread ends only on a bug in production (WriterRuntime.running()): here too.
        assertNull(crash.get(), () -> "the loop died: " + crash.get());
        assertTrue(consumer.closed(), "the loop must close its consumer");
    }
}
