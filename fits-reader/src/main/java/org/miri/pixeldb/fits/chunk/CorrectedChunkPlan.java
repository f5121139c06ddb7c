package org.miri.pixeldb.fits.chunk;

import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.RampKind;

/**
 * How a RAMP product is cut into {@code CorrectedRampChunk}s, from its geometry and the byte budget alone, so the same
 * file always yields the same chunks under the same indices. Every integration is cut alike, science blocks then
 * REFOUT blocks; chunk index = (integration - 1) x blocks per integration + block, 0-based. A science ramp costs
 * SCI, ERR (when present) and GROUPDQ for every group plus its PIXELDQ value, counted in every integration although
 * only integration 1 carries PIXELDQ, so that all integrations are cut alike.
 */
public final class CorrectedChunkPlan {

    private final CorrectedGeometry geometry;
    private final List<ChunkBlock> blocks;

    private CorrectedChunkPlan(CorrectedGeometry geometry, List<ChunkBlock> blocks) {
        this.geometry = geometry;
        this.blocks = List.copyOf(blocks);
    }

    /** @throws IllegalArgumentException when not even one ramp fits the budget */
    public static CorrectedChunkPlan of(CorrectedGeometry geometry, int budgetBytes) {
        List<ChunkBlock> blocks = new ArrayList<>();
        RampGeometry ramps = geometry.ramps();
        PlaneCutter.cut(RampKind.SCIENCE, ramps.rows(), ramps.cols(), fitting(geometry, RampKind.SCIENCE, budgetBytes),
                budgetBytes, blocks);
        if (geometry.hasRefout()) {
            PlaneCutter.cut(RampKind.REFOUT, ramps.rows(), ramps.refCols(),
                    fitting(geometry, RampKind.REFOUT, budgetBytes), budgetBytes, blocks);
        }
        return new CorrectedChunkPlan(geometry, blocks);
    }

    /** Payload bytes one ramp of this kind puts in a chunk. */
    public static int rampBytes(CorrectedGeometry geometry, RampKind kind) {
        int ngroups = geometry.ramps().ngroups();
        if (kind == RampKind.REFOUT) {
            return ngroups * Float.BYTES;
        }
        int perGroup = Float.BYTES + (geometry.hasErr() ? Float.BYTES : 0) + Byte.BYTES;
        return ngroups * perGroup + Integer.BYTES;
    }

    private static int fitting(CorrectedGeometry geometry, RampKind kind, int budgetBytes) {
        int bytes = rampBytes(geometry, kind);
        if (bytes > budgetBytes) {
            throw new IllegalArgumentException("a corrected " + kind + " ramp of " + geometry.ramps().ngroups()
                    + " groups (" + bytes + " bytes) does not fit a chunk budget of " + budgetBytes + " bytes");
        }
        return bytes;
    }

    public CorrectedGeometry geometry() {
        return geometry;
    }

    /** Blocks of one integration, in chunk order. */
    public List<ChunkBlock> blocksPerIntegration() {
        return blocks;
    }

    public int chunkCount() {
        return Math.multiplyExact(geometry.ramps().nints(), blocks.size());
    }

    /** The 0-based index of block {@code block} of integration {@code integration} (1-based). */
    public int chunkIndex(int integration, int block) {
        return (integration - 1) * blocks.size() + block;
    }
}
