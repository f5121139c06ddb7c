package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.CorrectedIntegration;
import org.miri.pixeldb.fits.jwst.CorrectedRampReader;
import org.miri.pixeldb.schemas.CorrectedRampChunk;

/**
 * Turns the integrations of a RAMP product into {@link CorrectedRampChunk} messages, each carrying at most a byte
 * budget of SCI, ERR, GROUPDQ and PIXELDQ bytes so that a message stays far below Kafka's 1 MB limit for any subarray
 * and group count. Reads one integration at a time, and of it one block at a time: memory stays about one budget
 * per chunk in flight, whatever the file's size.
 */
public final class CorrectedRampChunker {

    private final int budgetBytes;

    public CorrectedRampChunker() {
        this(RawRampChunker.DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes within {@link RawRampChunker#MIN_BUDGET_BYTES}..{@link RawRampChunker#MAX_BUDGET_BYTES} */
    public CorrectedRampChunker(int budgetBytes) {
        this.budgetBytes = ChunkBudget.require(budgetBytes);
    }

    /** The plan for a geometry, computed before any data is read; its chunk count is the product's. */
    public CorrectedChunkPlan plan(CorrectedGeometry geometry) {
        return CorrectedChunkPlan.of(geometry, budgetBytes);
    }

    /** Every chunk of the product, in index order, integration after integration. */
    public void chunks(CorrectedRampReader reader, String exposure, String productChecksum,
            MessageSink<CorrectedRampChunk> sink) throws IOException {
        CorrectedChunkPlan plan = plan(reader.geometry());
        CorrectedChunkBuilder builder = new CorrectedChunkBuilder(plan, exposure, productChecksum);
        for (int number = 1; number <= reader.geometry().ramps().nints(); number++) {
            CorrectedIntegration integration = reader.integration(number);
            for (int block = 0; block < plan.blocksPerIntegration().size(); block++) {
                sink.accept(builder.build(integration, block));
            }
        }
    }

    /** The chunk with one index, e.g. to resend what a writer's ledger lacks. */
    public CorrectedRampChunk chunk(CorrectedRampReader reader, String exposure, String productChecksum,
            int chunkIndex) throws IOException {
        CorrectedChunkPlan plan = plan(reader.geometry());
        if (chunkIndex < 0 || chunkIndex >= plan.chunkCount()) {
            throw new IllegalArgumentException("chunk " + chunkIndex + " is not in 0.." + (plan.chunkCount() - 1));
        }
        int perIntegration = plan.blocksPerIntegration().size();
        return new CorrectedChunkBuilder(plan, exposure, productChecksum)
                .build(reader.integration(chunkIndex / perIntegration + 1), chunkIndex % perIntegration);
    }
}
