package org.miri.pixeldb.api.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.health.state.EvaluatorWarmUp;
import org.miri.pixeldb.health.state.ExposureHealth;
import org.miri.pixeldb.health.state.HealthEvaluator;
import org.miri.pixeldb.health.state.HealthThresholds;
import org.miri.pixeldb.schemas.PixelHealthChange;

/**
 * Evaluates an exposure's detector health from its loaded slope product (and RAMP product, for JUMPY) and stores it
 * (decision 0017), unless the stored health is of those product versions already. A loaded RAW version first gets
 * its quick-look slopes (a QUICKLOOK product), so that an exposure without pipeline slopes is evaluated too. One transaction: readers see the old health or the new one.
 */
@ApplicationScoped
public class HealthEvaluation {

    private static final Logger LOG = Logger.getLogger(HealthEvaluation.class);
    private static final String CURRENT = "select h.product_id, h.ramp_product_id from exposure_health h join exposure e"
            + " on e.id = h.exposure_id where e.name = ?";
    // Two instances handed the same exposure (a rebalance) evaluate it one after the other, not into each other.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('exposure_health'), e.id)"
            + " from exposure e where e.name = ?";
    private static final String UNPUBLISHED = "select h.published_at is null from exposure_health h join exposure e"
            + " on e.id = h.exposure_id where e.name = ? for update of h";
    private static final String UNPUBLISHED_AGAIN = "update exposure_health h set published_at = null from exposure e"
            + " where e.id = h.exposure_id and e.name = ?";
    private static final String PUBLISHED = "update exposure_health h set published_at = now() from exposure e"
            + " where e.id = h.exposure_id and e.name = ?";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HealthThresholds thresholds = HealthThresholds.DEFAULTS;
    private final HealthEvaluator evaluator = new HealthEvaluator(thresholds);

    @Inject
    Database database;
    @Inject
    ObjectMapper mapper;
    @Inject
    HealthPublisher publisher;

    /**
     * Evaluates and stores the exposure's health when it is not current, then publishes its pixel-state changes (and
     * those of the next exposure, which an exposure arriving late may alter) when they were not published yet.
     *
     * @return whether the health was (re)computed: false when there are no loaded slopes or it is current
     */
    public boolean evaluate(String exposure) throws SQLException {
        boolean evaluated = store(exposure);
        publish(exposure);
        return evaluated;
    }

    /** Runs the rules over a made-up exposure, so that the first real one after a start meets compiled code. */
    public void warmUp() {
        long started = System.nanoTime();
        EvaluatorWarmUp.run(evaluator, 4);
        LOG.infof("health rules warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Whether files of the exposure are still on their way in: its evaluation waits for them. */
    public boolean filesInFlight(String exposure) throws SQLException {
        try (Connection connection = database.read()) {
            return FilesInFlight.any(connection, exposure);
        }
    }

    /** How much longer the exposure waits for pipeline slopes before quick-look slopes are fitted to its RAW product. */
    public Optional<Duration> quickLookWait(String exposure, Duration delay) throws SQLException {
        try (Connection connection = database.read()) {
            return QuickLookProduct.wait(connection, exposure, delay);
        }
    }

    /**
     * In the transaction deleting {@code exposure}: marks the next evaluated exposure's pixel-state changes unpublished,
     * since they were computed against the one going away.
     *
     * @return that next exposure, to {@link #publishAfterDeletion publish} once the deletion is committed
     */
    public Optional<String> beforeDeletion(Connection tx, String exposure) throws SQLException {
        Optional<String> next = HealthChanges.next(tx, exposure);
        if (next.isPresent()) {
            execute(tx, UNPUBLISHED_AGAIN, next.get());
        }
        return next;
    }

    /**
     * Publishes the changes of the exposure that followed a deleted one, now relative to the exposure before it. A
     * failure is logged: the mark stays, and the exposure's next status change publishes them.
     */
    public void publishAfterDeletion(String next) {
        try {
            publish(next);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "the pixel-state changes of %s, whose previous exposure was deleted, were not published yet",
                    next);
        }
    }

    private boolean store(String exposure) throws SQLException {
        try (Connection tx = database.write(TIMEOUT)) {
            try {
                execute(tx, LOCK, exposure);
                long started = System.nanoTime();
                Optional<Integer> quickLook = QuickLookProduct.store(tx, exposure);
                if (quickLook.isPresent()) {
                    LOG.infof("quick-look slopes of %s stored in %d ms", exposure, (System.nanoTime() - started) / 1_000_000);
                }
                // The versions first: a status change of an exposure whose health is current reads no strip.
                Optional<SlopeInput.Versions> versions = SlopeInput.versions(tx, exposure);
                if (versions.isEmpty() || current(tx, exposure).equals(Optional.of(
                        java.util.Arrays.asList(versions.get().productId(), versions.get().rampProductId())))) {
                    tx.commit();
                    return false;
                }
                long reading = System.nanoTime();
                SlopeInput input = SlopeInput.read(tx, versions.get());
                long evaluating = System.nanoTime();
                ExposureHealth health = evaluator.evaluate(input.slopes());
                long storing = System.nanoTime();
                HealthTables.replace(tx, input, health, mapper.writeValueAsString(thresholds));
                tx.commit();
                long done = System.nanoTime();
                // The phases, to see where the time to a full frame's health goes (docs/performance.md).
                LOG.infof("health of %s from its %s: %s in %d ms (read %d, rules %d, store %d)", exposure,
                        versions.get().kind(), health.counts(), (done - started) / 1_000_000,
                        (evaluating - reading) / 1_000_000, (storing - evaluating) / 1_000_000, (done - storing) / 1_000_000);
                return true;
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                tx.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException("health of " + exposure + ": " + e, e);
            }
        }
    }

    private void publish(String exposure) throws SQLException {
        try (Connection tx = database.write(TIMEOUT)) {
            try {
                execute(tx, LOCK, exposure);
                if (!unpublished(tx, exposure)) {
                    tx.rollback();
                    return;
                }
                List<PixelHealthChange> changes = new ArrayList<>(HealthChanges.of(tx, exposure));
                Optional<String> next = HealthChanges.next(tx, exposure);
                if (next.isPresent()) {
                    changes.addAll(HealthChanges.of(tx, next.get()));
                }
                publisher.publish(changes);
                execute(tx, PUBLISHED, exposure);
                tx.commit();
                LOG.infof("health of %s: %d pixel-state changes published%s", exposure, changes.size(),
                        next.map(n -> " (with the next exposure's, " + n + ")").orElse(""));
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            } catch (InterruptedException | ExecutionException e) {
                tx.rollback();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLException("the pixel-state changes of " + exposure + " were not published: " + e, e);
            }
        }
    }

    private static boolean unpublished(Connection tx, String exposure) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(UNPUBLISHED)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The slope and RAMP product versions the stored health was computed from. */
    private static Optional<List<Integer>> current(Connection tx, String exposure) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(CURRENT)) {
            query.setString(1, exposure);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(java.util.Arrays.asList(rs.getInt(1), (Integer) rs.getObject(2)))
                        : Optional.empty();
            }
        }
    }

    private static void execute(Connection tx, String sql, String exposure) throws SQLException {
        try (PreparedStatement statement = tx.prepareStatement(sql)) {
            statement.setString(1, exposure);
            statement.execute();
        }
    }
}
