package org.miri.pixeldb.api.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ProductIngestState;

/**
 * Starts the health evaluation of an exposure when the ingest-status fold sees its slopes, corrected ramps or raw
 * ramps (for their quick-look slopes) LOADED: the fold already knows, per exposure, when every chunk of a version is
 * in, and its partitions spread the exposures over the query-api instances (decision 0017). The evaluation runs on a
 * thread of its own, not the fold's: a full-frame exposure's quick-look fit takes seconds, and the status of every
 * other file of the partition must not wait for it. Changes of an exposure arriving while it is queued are one
 * evaluation, and an exposure whose other files are still in flight is evaluated once they have settled
 * ({@link FilesInFlight}). A raw-only exposure waits a while for its pipeline slopes before quick-look slopes are fitted
 * ({@code pixeldb.api.health-quick-look-delay}). A failed evaluation is logged: the next change of the product, or a restart's replay,
 * evaluates again.
 */
@ApplicationScoped
public class HealthTrigger {

    private static final Logger LOG = Logger.getLogger(HealthTrigger.class);
    // A product's file ending LOADED (an input), or REJECTED or FAILED (what the evaluation may have waited for).
    private static final Set<ProductIngestState> SETTLED = Set.of(ProductIngestState.LOADED, ProductIngestState.REJECTED,
            ProductIngestState.FAILED);
    // While files of the exposure are in flight, looked at again after this long (their own ending queues it sooner).
    private static final long RECHECK_SECONDS = 30;

    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    // One thread: evaluations are CPU-bound, and one exposure's never overlap in this instance.
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "pixeldb-health"));

    @Inject
    HealthEvaluation evaluation;
    @Inject
    ApiConfig config;

    // First on the worker: an exposure loading right after a start waits for it (about a second) instead of being
    // evaluated by the interpreter (seconds more on a full frame).
    void onStart(@Observes StartupEvent event) {
        if (config.healthEnabled()) {
            worker.execute(evaluation::warmUp);
        }
    }

    public void statusChanged(IngestStatus status) {
        if (config.healthEnabled() && status.getObjects().stream().anyMatch(o -> SETTLED.contains(o.getState()))) {
            queue(status.getExposure());
        }
    }

    private void queue(String exposure) {
        if (queued.add(exposure)) {
            worker.execute(() -> evaluate(exposure));
        }
    }

    private void evaluate(String exposure) {
        // Leaves the queue first: a change arriving during the evaluation queues the exposure again.
        queued.remove(exposure);
        try {
            if (evaluation.filesInFlight(exposure)) {
                LOG.debugf("health of %s waits for its files in flight", exposure);
                worker.schedule(() -> queue(exposure), RECHECK_SECONDS, TimeUnit.SECONDS);
                return;
            }
            Optional<Duration> wait = evaluation.quickLookWait(exposure, config.healthQuickLookDelay());
            if (wait.isPresent()) {
                LOG.debugf("health of %s waits %s for pipeline slopes before fitting quick-look ones", exposure,
                        wait.get());
                worker.schedule(() -> queue(exposure), wait.get().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            evaluation.evaluate(exposure);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "could not evaluate the health of %s; it is evaluated again at its next status change",
                    exposure);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
