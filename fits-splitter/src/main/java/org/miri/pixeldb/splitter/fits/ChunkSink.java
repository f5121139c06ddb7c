package org.miri.pixeldb.splitter.fits;

import java.io.IOException;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Receives chunks as the chunker reads them, e.g. a Kafka send; may fail with an I/O error to stop the run. */
@FunctionalInterface
public interface ChunkSink {

    void accept(RawRampChunk chunk) throws IOException;
}
