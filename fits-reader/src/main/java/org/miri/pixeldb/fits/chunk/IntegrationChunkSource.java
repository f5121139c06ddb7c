package org.miri.pixeldb.fits.chunk;

import java.util.function.IntFunction;

/** A {@link ChunkSource} whose planes are a ramp product's integrations, opened by their reader. */
interface IntegrationChunkSource<P, M> extends ChunkSource<P, M> {

    /** The product's integrations by their 1-based number, as in the JWST keywords. */
    IntFunction<P> integrations();

    @Override
    default P plane(int plane) {
        return integrations().apply(plane + 1);
    }
}
