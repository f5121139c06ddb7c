package org.miri.pixeldb.api.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * Starts the health evaluation of an exposure when the ingest-status fold sees its slopes, corrected ramps or raw
 * ramps (for their quick-look slopes) LOADED: the fold already knows, per exposure, when every chunk of a version is
 * in, and its partitions spread the exposures over the query-api instances (decision 0017). The evaluation runs on a
 * thread of its own, not the fold's: a full-frame exposure's quick-look fit takes seconds, and the status of every
 * other file of the partition must not wait for it. Changes of an exposure arriving while it is queued are one
 * evaluation. A failed evaluation is logged: the next change of the product, or a restart's replay, evaluates again.
 */
@ApplicationScoped
public class HealthTrigger {

    private static final Logger LOG = Logger.getLogger(HealthTrigger.class);
    // The slopes are evaluated; the RAMP product adds the jump counts (JUMPY); the RAW product its quick-look slopes.
    private static final Set<ProductKind> INPUTS = Set.of(ProductKind.RATEINTS, ProductKind.RATE, ProductKind.RAMP,
            ProductKind.RAW);

    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    // One thread: evaluations are CPU-bound, and one exposure's never overlap in this instance.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "pixeldb-health"));

    @Inject
    HealthEvaluation evaluation;
    @Inject
    ApiConfig config;

    public void statusChanged(IngestStatus status) {
        if (!config.healthEnabled() || !INPUTS.contains(status.getProduct())
                || status.getObjects().stream().noneMatch(o -> o.getState() == ProductIngestState.LOADED)) {
            return;
        }
        String exposure = status.getExposure();
        if (queued.add(exposure)) {
            worker.execute(() -> evaluate(exposure));
        }
    }

    private void evaluate(String exposure) {
        // Leaves the queue first: a change arriving during the evaluation queues the exposure again.
        queued.remove(exposure);
        try {
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
