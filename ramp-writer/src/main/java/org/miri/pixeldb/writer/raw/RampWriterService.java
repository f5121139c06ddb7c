package org.miri.pixeldb.writer.raw;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.Liveness;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.ingest.ChunkStream;
import org.miri.pixeldb.loader.ingest.WriterRole;
import org.miri.pixeldb.loader.ingest.WriterService;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Loads raw products (RAW): Kafka in, COPY into PostgreSQL, offsets after commit. It also logs the
 * objects that are no product at all (ignored, rejected before recognition).
 */
@Liveness
@ApplicationScoped
public class RampWriterService extends WriterService {

    @Override
    protected WriterRole role() {
        return new WriterRole("ramp-writer", List.of(ProductKind.RAW), true,
                List.of(ChunkStream.of(Topic.RAW_RAMPS, RawRampChunk.class, ChunkWriter.rawRamps())));
    }
}
