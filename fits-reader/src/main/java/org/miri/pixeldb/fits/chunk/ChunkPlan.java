package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.util.List;

/**
 * How a product is cut into chunks, from its geometry and the byte budget alone, so that the same file always yields
 * the same chunks under the same indices and a writer can keep a ledger. Every plane (an integration of ramps, or a
 * plane of slopes) is cut into the same blocks; chunk index = plane x blocks per plane + block, both 0-based.
 *
 * @param <G> the product's geometry
 */
public final class ChunkPlan<G> {

    private final G geometry;
    private final int planes;
    private final List<ChunkBlock> blocks;

    ChunkPlan(G geometry, int planes, List<ChunkBlock> blocks) {
        this.geometry = geometry;
        this.planes = planes;
        this.blocks = List.copyOf(blocks);
    }

    public G geometry() {
        return geometry;
    }

    /** Blocks of one plane, in chunk order. */
    public List<ChunkBlock> blocksPerPlane() {
        return blocks;
    }

    /** Chunks of the whole product. */
    public int chunkCount() {
        return Math.multiplyExact(planes, blocks.size());
    }

    /** The index of block {@code block} of plane {@code plane}, both 0-based. */
    public int chunkIndex(int plane, int block) {
        return plane * blocks.size() + block;
    }

    /**
     * Every chunk, in index order: each plane read once, then its blocks one at a time, so that memory stays about one
     * plane plus one budget per chunk in flight however many planes the product has.
     */
    <P, M> void emit(ChunkSource<P, M> source, MessageSink<M> sink) throws IOException {
        for (int plane = 0; plane < planes; plane++) {
            P read = source.plane(plane);
            for (int block = 0; block < blocks.size(); block++) {
                sink.accept(source.chunk(read, blocks.get(block), chunkIndex(plane, block)));
            }
        }
    }
}
