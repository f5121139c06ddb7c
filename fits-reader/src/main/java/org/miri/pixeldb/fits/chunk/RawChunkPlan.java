package org.miri.pixeldb.fits.chunk;

import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.RampKind;

/**
 * How a raw product is cut into chunks, from its geometry and the byte budget alone, so the same file always yields
 * the same chunks under the same indices and a writer can keep a ledger. Every integration is cut alike: science
 * blocks, then REFOUT blocks. Chunk index = (integration - 1) x blocks per integration + block, 0-based.
 */
public final class RawChunkPlan {

    private final RampGeometry geometry;
    private final List<ChunkBlock> blocks;

    private RawChunkPlan(RampGeometry geometry, List<ChunkBlock> blocks) {
        this.geometry = geometry;
        this.blocks = List.copyOf(blocks);
    }

    /**
     * @param budgetBytes the most sample bytes one chunk may carry
     * @throws IllegalArgumentException when not even one ramp fits the budget
     */
    public static RawChunkPlan of(RampGeometry geometry, int budgetBytes) {
        int rampBytes = geometry.ngroups() * Short.BYTES;
        if (rampBytes > budgetBytes) {
            throw new IllegalArgumentException("a ramp of " + geometry.ngroups() + " groups (" + rampBytes
                    + " bytes) does not fit a chunk budget of " + budgetBytes + " bytes");
        }
        List<ChunkBlock> blocks = new ArrayList<>();
        PlaneCutter.cut(RampKind.SCIENCE, geometry.rows(), geometry.cols(), rampBytes, budgetBytes, blocks);
        PlaneCutter.cut(RampKind.REFOUT, geometry.rows(), geometry.refCols(), rampBytes, budgetBytes, blocks);
        return new RawChunkPlan(geometry, blocks);
    }

    public RampGeometry geometry() {
        return geometry;
    }

    /** Blocks of one integration, in chunk order. */
    public List<ChunkBlock> blocksPerIntegration() {
        return blocks;
    }

    /** Chunks of the whole product: every integration, science and REFOUT. */
    public int chunkCount() {
        return Math.multiplyExact(geometry.nints(), blocks.size());
    }

    /** The 0-based index of block {@code block} of integration {@code integration} (1-based). */
    public int chunkIndex(int integration, int block) {
        return (integration - 1) * blocks.size() + block;
    }
}
