package org.miri.pixeldb.api.format;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.miri.pixeldb.api.error.ApiException;
import jakarta.inject.Inject;
import org.miri.pixeldb.api.config.ApiConfig;

/**
 * Memory for answers that must be assembled before they are written (FITS cubes, slope images), shared by all
 * requests. Each alone is bounded by the response limit; together they were not, and two concurrent full-frame FITS
 * requests took a 512 MB heap. A request that does not fit now is answered 503 with Retry-After, never queued:
 * a queue of large answers holds connections and threads just the same.
 */
@ApplicationScoped
public class AssemblyMemory {

    /** Seconds a client is told to wait when the memory is spent: about what one large answer takes. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final int UNIT = 1024;

    @Inject
    ApiConfig config;

    private Semaphore kibibytes;
    private long total;

    @PostConstruct
    void size() {
        total = config.assemblyMemoryBytes().orElse(Runtime.getRuntime().maxMemory() * 2 / 5);
        if (total < UNIT) {
            throw new IllegalStateException("pixeldb.api.assembly-memory-bytes must be at least " + UNIT + ", not "
                    + total);
        }
        kibibytes = new Semaphore((int) Math.min(Integer.MAX_VALUE, total / UNIT));
    }

    /** Builds an answer's body; it may read the database first. */
    @FunctionalInterface
    public interface Assembly {
        StreamingOutput assemble() throws SQLException, IOException;
    }

    /**
     * Takes {@code bytes} for an answer, then assembles its body; the memory is given back once the answer is written,
     * fails, or its connection closes first (whichever comes first, once).
     *
     * @throws ApiException 413 when the request alone could never fit, 503 with Retry-After when others hold the memory
     */
    public StreamingOutput reserve(long bytes, String parameter, String advice, RoutingContext request,
                                   Assembly assembly) throws SQLException, IOException {
        if (bytes > total) {
            throw new ApiException(413, parameter, "the answer must be assembled in about " + bytes + " bytes of memory,"
                    + " over the " + total + " bytes the service has for that (pixeldb.api.assembly-memory-bytes); "
                    + advice);
        }
        int permits = (int) Math.max(1, (bytes + UNIT - 1) / UNIT);
        if (!kibibytes.tryAcquire(permits)) {
            throw ApiException.busy(parameter, "other large answers are being assembled now; retry in "
                    + RETRY_AFTER_SECONDS + " s or ask for less", RETRY_AFTER_SECONDS);
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                kibibytes.release(permits);
            }
        };
        // Called when the response ends or its connection closes, also when the body is never written.
        request.addEndHandler(ended -> release.run());
        StreamingOutput body;
        try {
            body = assembly.assemble();
        } catch (SQLException | IOException | RuntimeException e) {
            release.run();
            throw e;
        }
        return out -> {
            try {
                body.write(out);
            } finally {
                release.run();
            }
        };
    }

    /** Bytes held now, for tests and metrics. */
    long inUse() {
        return total / UNIT * UNIT - (long) kibibytes.availablePermits() * UNIT;
    }
}
