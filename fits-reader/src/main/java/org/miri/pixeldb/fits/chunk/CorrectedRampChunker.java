package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.CorrectedRampReader;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Turns the integrations of a RAMP product into {@link CorrectedRampChunk} messages, each carrying at most a byte
 * budget of SCI, ERR, GROUPDQ and PIXELDQ bytes. Every integration is cut alike, science blocks then REFOUT blocks. A
 * science ramp costs SCI, ERR (when present) and GROUPDQ for every group plus its PIXELDQ value, counted in every
 * integration although only integration 1 carries PIXELDQ, so that all integrations are cut alike.
 */
public final class CorrectedRampChunker {

    private final int budgetBytes;

    public CorrectedRampChunker() {
        this(ChunkBudget.DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes within {@link ChunkBudget#MIN_BUDGET_BYTES}..{@link ChunkBudget#MAX_BUDGET_BYTES} */
    public CorrectedRampChunker(int budgetBytes) {
        this.budgetBytes = ChunkBudget.require(budgetBytes);
    }

    /**
     * The plan for a geometry, computed before any data is read; a plane is an integration.
     *
     * @throws IllegalArgumentException when not even one ramp fits the budget
     */
    public ChunkPlan<CorrectedGeometry> plan(CorrectedGeometry geometry) {
        List<ChunkBlock> blocks = new ArrayList<>();
        RampGeometry ramps = geometry.ramps();
        PlaneCutter.cut(RampKind.SCIENCE, ramps.rows(), ramps.cols(), fitting(geometry, RampKind.SCIENCE),
                budgetBytes, blocks);
        if (geometry.hasRefout()) {
            PlaneCutter.cut(RampKind.REFOUT, ramps.rows(), ramps.refCols(), fitting(geometry, RampKind.REFOUT),
                    budgetBytes, blocks);
        }
        return new ChunkPlan<>(geometry, ramps.nints(), blocks);
    }

    /** Every chunk of the product, in index order, one integration in memory at a time. */
    public void chunks(CorrectedRampReader reader, String exposure, String productChecksum,
            MessageSink<CorrectedRampChunk> sink) throws IOException {
        ChunkPlan<CorrectedGeometry> plan = plan(reader.geometry());
        plan.emit(new CorrectedChunkBuilder(plan, reader::integration, exposure, productChecksum), sink);
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

    private int fitting(CorrectedGeometry geometry, RampKind kind) {
        return ChunkBudget.fitting(rampBytes(geometry, kind), budgetBytes,
                "a corrected " + kind + " ramp of " + geometry.ramps().ngroups() + " groups");
    }
}
