package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.jwst.SlopeReader;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.SlopeChunk;

/**
 * Turns the planes of a RATEINTS or RATE product into {@link SlopeChunk} messages of at most a byte budget of values,
 * reading one block of one plane at a time. Plane 0 is integration 1 (RATEINTS) or the exposure (RATE).
 */
public final class SlopeChunker {

    /** SCI, ERR, DQ, VAR_POISSON and VAR_RNOISE: five 4-byte values per pixel. */
    public static final int PIXEL_BYTES = 5 * Float.BYTES;

    private final int budgetBytes;

    public SlopeChunker() {
        this(ChunkBudget.DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes within {@link ChunkBudget#MIN_BUDGET_BYTES}..{@link ChunkBudget#MAX_BUDGET_BYTES} */
    public SlopeChunker(int budgetBytes) {
        this.budgetBytes = ChunkBudget.require(budgetBytes);
    }

    /** The plan for a geometry, computed before any data is read; every plane is cut alike into blocks of rows. */
    public ChunkPlan<SlopeGeometry> plan(SlopeGeometry geometry) {
        List<ChunkBlock> blocks = new ArrayList<>();
        // PlaneCutter's blocks name a ramp kind; slopes are science pixels.
        PlaneCutter.cut(RampKind.SCIENCE, geometry.rows(), geometry.cols(), PIXEL_BYTES, budgetBytes, blocks);
        return new ChunkPlan<>(geometry, geometry.planes(), blocks);
    }

    /** Every chunk of the product, in index order, plane after plane. */
    public void chunks(SlopeReader reader, String exposure, String productChecksum, MessageSink<SlopeChunk> sink)
            throws IOException {
        ChunkPlan<SlopeGeometry> plan = plan(reader.geometry());
        plan.emit(new SlopeChunkBuilder(plan, reader, exposure, productChecksum), sink);
    }
}
