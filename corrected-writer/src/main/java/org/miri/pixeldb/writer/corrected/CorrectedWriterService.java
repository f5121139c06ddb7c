package org.miri.pixeldb.writer.corrected;

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
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SlopeChunk;

/** Runs the load of corrected ramps and slopes (RAMP, RATEINTS, RATE products) with the application. */
@Liveness
@ApplicationScoped
public class CorrectedWriterService implements HealthCheck {

    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "pixeldb.writer.max-poll-records", defaultValue = "16")
    int maxPollRecords;

    @ConfigProperty(name = "pixeldb.writer.max-chunk-wait", defaultValue = "PT10M")
    Duration maxChunkWait;

    @Inject
    DataSource dataSource;

    private WriterRuntime runtime;

    void start(@Observes StartupEvent event) {
        ChunkWriter<CorrectedRampChunk> ramps = ChunkWriter.correctedRamps();
        ChunkWriter<SlopeChunk> slopes = ChunkWriter.slopes();
        runtime = new WriterRuntime("corrected-writer", new WriterSettings(bootstrapServers, maxPollRecords, maxChunkWait), dataSource,
                List.of(ProductKind.RAMP, ProductKind.RATEINTS, ProductKind.RATE), false, List.of(
                        ChunkStream.of(Topic.CORRECTED_RAMPS, CorrectedRampChunk.class, ramps::write,
                                CorrectedRampChunk::getProductChecksum),
                        ChunkStream.of(Topic.SLOPES, SlopeChunk.class, slopes::write, SlopeChunk::getProductChecksum)));
    }

    /** Live while the load loop runs: it stops only on a bug, and a restart is then the remedy. */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("corrected-writer load loop").status(runtime != null && runtime.running()).build();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (runtime != null) {
            runtime.close();
        }
    }
}
