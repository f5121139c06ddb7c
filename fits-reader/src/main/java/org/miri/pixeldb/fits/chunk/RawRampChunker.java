package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.RawExposureReader;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Turns the integrations of a raw product into {@link RawRampChunk} messages, each carrying at most a byte budget of
 * samples so that a message stays far below Kafka's 1 MB limit for any subarray and group count. Every integration is
 * cut alike: science blocks, then REFOUT blocks.
 */
public final class RawRampChunker {

    private final int budgetBytes;

    public RawRampChunker() {
        this(ChunkBudget.DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes within {@link ChunkBudget#MIN_BUDGET_BYTES}..{@link ChunkBudget#MAX_BUDGET_BYTES} */
    public RawRampChunker(int budgetBytes) {
        this.budgetBytes = ChunkBudget.require(budgetBytes);
    }

    /**
     * The plan for a geometry, computed before any data is read; a plane is an integration.
     *
     * @throws IllegalArgumentException when not even one ramp fits the budget
     */
    public ChunkPlan<RampGeometry> plan(RampGeometry geometry) {
        int rampBytes = ChunkBudget.fitting(geometry.ngroups() * Short.BYTES, budgetBytes,
                "a ramp of " + geometry.ngroups() + " groups");
        List<ChunkBlock> blocks = new ArrayList<>();
        PlaneCutter.cut(RampKind.SCIENCE, geometry.rows(), geometry.cols(), rampBytes, budgetBytes, blocks);
        PlaneCutter.cut(RampKind.REFOUT, geometry.rows(), geometry.refCols(), rampBytes, budgetBytes, blocks);
        return new ChunkPlan<>(geometry, geometry.nints(), blocks);
    }

    /** Every chunk of the product, in index order, one integration in memory at a time. */
    public void chunks(RawExposureReader reader, String exposure, String productChecksum,
            MessageSink<RawRampChunk> sink) throws IOException {
        ChunkPlan<RampGeometry> plan = plan(reader.geometry());
        plan.emit(new RawChunkBuilder(plan, reader::integration, exposure, productChecksum), sink);
    }
}
