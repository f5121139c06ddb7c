package org.miri.pixeldb.loader.ingest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.miri.pixeldb.platform.config.KafkaConfig;

/**
 * The framework side every writer service shares: its configuration keys, a {@link WriterRuntime} started
 * and stopped with the application, and the load loop reported as liveness. A service names what it
 * loads; everything else is here, so that ramp-writer and corrected-writer cannot drift apart.
 */
public abstract class WriterService implements HealthCheck {

    @Inject
    protected KafkaConfig kafka;

    @Inject
    protected WriterConfig writer;

    @Inject
    protected DataSource dataSource;

    private WriterRuntime runtime;

    /** What this service loads; asked once, at start. */
    protected abstract WriterRole role();

    void start(@Observes Startup event) {
        runtime = new WriterRuntime(role(), new WriterSettings(kafka.bootstrapServers(), writer.maxPollRecords(),
                writer.maxChunkWait(), kafka.sessionTimeout()), dataSource);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Live while the load loop runs: it stops only on a bug, and a restart is then the remedy. */
    @Override
    public HealthCheckResponse call() {
        String name = (runtime != null ? runtime.service() : role().service()) + " load loop";
        return HealthCheckResponse.named(name).status(runtime != null && runtime.running()).build();
    }
}
