package org.miri.pixeldb.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Set;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * Starts the health evaluation of an exposure when the ingest-status fold sees its slopes, corrected ramps or raw
 * ramps (for their quick-look slopes) LOADED:
 * the fold already knows, per exposure, when every chunk of a version is in, and its partitions spread the
 * exposures over the query-api instances (decision 0017). A failed evaluation is logged and does not stop the
 * status: the next change of the product, or a restart's replay, evaluates it again.
 */
@ApplicationScoped
public class HealthTrigger {

    private static final Logger LOG = Logger.getLogger(HealthTrigger.class);
    // The slopes are evaluated; the RAMP product adds the jump counts (JUMPY); the RAW product its quick-look slopes.
    private static final Set<ProductKind> INPUTS = Set.of(ProductKind.RATEINTS, ProductKind.RATE, ProductKind.RAMP,
            ProductKind.RAW);

    @Inject
    HealthEvaluation evaluation;
    @Inject
    ApiConfig config;

    public void statusChanged(IngestStatus status) {
        if (!config.healthEnabled() || !INPUTS.contains(status.getProduct())
                || status.getObjects().stream().noneMatch(o -> o.getState() == ProductIngestState.LOADED)) {
            return;
        }
        try {
            evaluation.evaluate(status.getExposure());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "could not evaluate the health of %s; it is evaluated again at its next status change",
                    status.getExposure());
        }
    }
}
