package org.miri.pixeldb.writer.raw;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.ingest.ChunkStream;
import org.miri.pixeldb.loader.ingest.WriterRuntime;
import org.miri.pixeldb.loader.ingest.WriterSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Runs the load of raw products with the application: Kafka in, COPY into PostgreSQL, offsets after
 * commit. It also logs the objects that are no product at all (ignored, rejected before recognition).
 */
@Liveness
@ApplicationScoped
public class RampWriterService implements HealthCheck {

    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "pixeldb.writer.max-poll-records", defaultValue = "64")
    int maxPollRecords;

    @ConfigProperty(name = "pixeldb.writer.max-chunk-wait", defaultValue = "PT10M")
    Duration maxChunkWait;

    @Inject
    DataSource dataSource;

    private WriterRuntime runtime;

    void start(@Observes StartupEvent event) {
        ChunkWriter<RawRampChunk> ramps = ChunkWriter.rawRamps();
        runtime = new WriterRuntime("ramp-writer", new WriterSettings(bootstrapServers, maxPollRecords, maxChunkWait), dataSource,
                List.of(ProductKind.RAW), true,
                List.of(ChunkStream.of(Topic.RAW_RAMPS, RawRampChunk.class, ramps::write, RawRampChunk::getProductChecksum)));
    }

    /** Live while the load loop runs: it stops only on a bug, and a restart is then the remedy. */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ramp-writer load loop").status(runtime != null && runtime.running()).build();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
    }
}
