package org.miri.pixeldb.fits.chunk;

import java.io.IOException;

/** Receives chunks as a chunker reads them, e.g. a Kafka send; may fail with an I/O error to stop the run. */
@FunctionalInterface
public interface MessageSink<T> {

    void accept(T message) throws IOException;
}
