package org.miri.pixeldb.api.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.miri.pixeldb.api.db.Database;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.StatusConfig;
import org.miri.pixeldb.api.health.HealthTrigger;
import org.miri.pixeldb.platform.config.KafkaConfig;

/**
 * Runs the ingest-status topology inside query-api (decision 0009): every instance joins one Kafka
 * Streams application, so they share the partitions, and all of them answer from table
 * {@code ingest_status}. Live unless the topology stopped for good; a restart is then the remedy.
 */
@Liveness
@ApplicationScoped
public class IngestStatusStreams implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(IngestStatusStreams.class);

    @Inject
    KafkaConfig kafka;
    @Inject
    StatusConfig config;
    // The fold writes ingest_status: the API's write pool, not its read pool.
    @Inject
    @io.quarkus.agroal.DataSource(Database.WRITE_POOL)
    AgroalDataSource dataSource;

    @Inject
    HealthTrigger health;

    private KafkaStreams streams;

    void start(@Observes Startup event) {
        if (!config.enabled()) {
            return;
        }
        IngestStatusTable table = new IngestStatusTable(dataSource);
        streams = new KafkaStreams(IngestStatusTopology.build(config.partitions(), status -> {
            table.upsert(status);
            health.statusChanged(status);
        }),
                StatusStreamsConfig.of(kafka.bootstrapServers(), config.applicationId(), config.stateDir()));
        streams.setUncaughtExceptionHandler(new PausingReplacement(config.retryPause()));
        streams.start();
        LOG.infof("ingest-status topology started (application %s)", config.applicationId());
    }

    @PreDestroy
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ingest-status topology");
        if (streams == null) {
            return response.withData("state", "disabled").up().build();
        }
        KafkaStreams.State state = streams.state();
        return response.withData("state", state.name()).status(state.isRunningOrRebalancing()
                || state == KafkaStreams.State.CREATED).build();
    }
}
