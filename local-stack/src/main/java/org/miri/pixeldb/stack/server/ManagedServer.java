package org.miri.pixeldb.stack.server;

import java.time.Duration;

/** One of the real servers the system needs, run by the local stack or by the test harness. */
public interface ManagedServer extends AutoCloseable {

    String name();

    /** Starts the server and returns once it answers; the data directory is kept between starts. */
    void start() throws Exception;

    /** A clean shutdown. */
    void stop() throws Exception;

    /** SIGKILL, for fault tests: the server gets no chance to clean up. */
    void kill() throws Exception;

    /** Whether the server answers a real request now. */
    boolean isHealthy(Duration timeout);

    @Override
    default void close() throws Exception {
        stop();
    }
}
