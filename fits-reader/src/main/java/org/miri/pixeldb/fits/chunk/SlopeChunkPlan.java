package org.miri.pixeldb.fits.chunk;

import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.schemas.RampKind;

/**
 * How a slope product is cut into {@code SlopeChunk}s, from its geometry and the byte budget alone. Every plane is cut
 * alike into blocks of rows; chunk index = plane x blocks per plane + block, 0-based, plane 0 being integration 1
 * (RATEINTS) or the exposure (RATE).
 */
public final class SlopeChunkPlan {

    /** SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE: five 4-byte values per pixel. */
    public static final int PIXEL_BYTES = 5 * Float.BYTES;

    private final SlopeGeometry geometry;
    private final List<ChunkBlock> blocks;

    private SlopeChunkPlan(SlopeGeometry geometry, List<ChunkBlock> blocks) {
        this.geometry = geometry;
        this.blocks = List.copyOf(blocks);
    }

    public static SlopeChunkPlan of(SlopeGeometry geometry, int budgetBytes) {
        List<ChunkBlock> blocks = new ArrayList<>();
        // PlaneCutter's blocks name a ramp kind; slopes are science pixels.
        PlaneCutter.cut(RampKind.SCIENCE, geometry.rows(), geometry.cols(), PIXEL_BYTES, budgetBytes, blocks);
        return new SlopeChunkPlan(geometry, blocks);
    }

    public SlopeGeometry geometry() {
        return geometry;
    }

    /** Blocks of one plane, in chunk order. */
    public List<ChunkBlock> blocksPerPlane() {
        return blocks;
    }

    public int chunkCount() {
        return Math.multiplyExact(geometry.planes(), blocks.size());
    }

    /** The 0-based index of block {@code block} of plane {@code plane} (0-based). */
    public int chunkIndex(int plane, int block) {
        return plane * blocks.size() + block;
    }
}
