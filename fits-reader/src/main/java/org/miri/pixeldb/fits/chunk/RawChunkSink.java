package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Receives chunks as the chunker reads them, e.g. a Kafka send; may fail with an I/O error to stop the run. */
@FunctionalInterface
public interface RawChunkSink {

    void accept(RawRampChunk chunk) throws IOException;
}
