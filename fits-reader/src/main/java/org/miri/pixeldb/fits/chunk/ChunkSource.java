package org.miri.pixeldb.fits.chunk;

import java.io.IOException;

/**
 * What differs between products when a {@link ChunkPlan} is emitted: how a plane is opened and how one block of it
 * becomes a message.
 *
 * @param <P> an opened plane (an integration's reader, or the integration number of a slope plane)
 * @param <M> the chunk message
 */
interface ChunkSource<P, M> {

    /** Opens plane {@code plane} (0-based). */
    P plane(int plane) throws IOException;

    /** Reads one block of an opened plane and wraps it as the message with index {@code chunkIndex}. */
    M chunk(P plane, ChunkBlock block, int chunkIndex) throws IOException;
}
