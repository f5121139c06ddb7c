package org.miri.pixeldb.api.ingest;

import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A stream thread that failed (the database away, a broker restart) is replaced after a pause: its
 * input since the last commit is processed again, which the status makes harmless (distinct chunk
 * sets, repeated events recognised), and the pause keeps a lasting outage from spinning.
 */
final class PausingReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(PausingReplacement.class);
    private final Duration pause;

    PausingReplacement(Duration pause) {
        this.pause = pause;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.warnf("ingest-status stream thread failed (%s); replacing it in %s", exception.getMessage(), pause);
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
