package org.miri.pixeldb.fits.chunk;

import java.io.IOException;

/**
 * Receives the corrected and slope chunks as a chunker reads them, e.g. a Kafka send; may fail with an I/O error to
 * stop the run. ({@link RawChunkSink} is the raw chunks' sink.)
 */
@FunctionalInterface
public interface MessageSink<T> {

    void accept(T message) throws IOException;
}
