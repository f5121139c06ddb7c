package org.miri.pixeldb.writer.corrected;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.Liveness;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.ingest.ChunkStream;
import org.miri.pixeldb.loader.ingest.WriterRole;
import org.miri.pixeldb.loader.ingest.WriterService;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SlopeChunk;

/** Loads the pipeline's products: corrected ramps (RAMP) and slopes (RATEINTS, RATE). */
@Liveness
@ApplicationScoped
public class CorrectedWriterService extends WriterService {

    @Override
    protected WriterRole role() {
        return new WriterRole("corrected-writer", List.of(ProductKind.RAMP, ProductKind.RATEINTS, ProductKind.RATE),
                false, List.of(
                        ChunkStream.of(Topic.CORRECTED_RAMPS, CorrectedRampChunk.class, ChunkWriter.correctedRamps()),
                        ChunkStream.of(Topic.SLOPES, SlopeChunk.class, ChunkWriter.slopes())));
    }
}
