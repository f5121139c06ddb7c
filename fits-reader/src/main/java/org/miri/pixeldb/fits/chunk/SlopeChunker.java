package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.miri.pixeldb.fits.jwst.SlopeBlock;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.jwst.SlopeReader;
import org.miri.pixeldb.schemas.SlopeChunk;

/**
 * Turns the planes of a RATEINTS or RATE product into {@link SlopeChunk} messages of at most a byte budget of values,
 * reading one block of one plane at a time.
 */
public final class SlopeChunker {

    private final int budgetBytes;

    public SlopeChunker() {
        this(RawRampChunker.DEFAULT_BUDGET_BYTES);
    }

    /** @param budgetBytes within {@link RawRampChunker#MIN_BUDGET_BYTES}..{@link RawRampChunker#MAX_BUDGET_BYTES} */
    public SlopeChunker(int budgetBytes) {
        this.budgetBytes = ChunkBudget.require(budgetBytes);
    }

    /** The plan for a geometry, computed before any data is read; its chunk count is the product's. */
    public SlopeChunkPlan plan(SlopeGeometry geometry) {
        return SlopeChunkPlan.of(geometry, budgetBytes);
    }

    /** Every chunk of the product, in index order, plane after plane. */
    public void chunks(SlopeReader reader, String exposure, String productChecksum, MessageSink<SlopeChunk> sink)
            throws IOException {
        SlopeChunkPlan plan = plan(reader.geometry());
        for (int index = 0; index < plan.chunkCount(); index++) {
            sink.accept(build(plan, reader, exposure, productChecksum, index));
        }
    }

    /** The chunk with one index, e.g. to resend what a writer's ledger lacks. */
    public SlopeChunk chunk(SlopeReader reader, String exposure, String productChecksum, int chunkIndex)
            throws IOException {
        SlopeChunkPlan plan = plan(reader.geometry());
        if (chunkIndex < 0 || chunkIndex >= plan.chunkCount()) {
            throw new IllegalArgumentException("chunk " + chunkIndex + " is not in 0.." + (plan.chunkCount() - 1));
        }
        return build(plan, reader, exposure, productChecksum, chunkIndex);
    }

    private static SlopeChunk build(SlopeChunkPlan plan, SlopeReader reader, String exposure, String checksum,
            int index) throws IOException {
        SlopeGeometry geometry = plan.geometry();
        ChunkBlock block = plan.blocksPerPlane().get(index % plan.blocksPerPlane().size());
        int integration = geometry.integrations().get(index / plan.blocksPerPlane().size());
        SlopeBlock values = reader.block(integration, block.y0(), block.rows(), block.x0(), block.cols());
        return SlopeChunk.newBuilder()
                .setExposure(exposure).setProduct(geometry.product()).setProductChecksum(checksum)
                .setIntegration(integration)
                .setFirstRow(geometry.firstRow() + block.y0()).setRows(block.rows())
                .setFirstCol(geometry.firstCol() + block.x0()).setCols(block.cols())
                .setChunkIndex(index).setChunkCount(plan.chunkCount())
                .setSci(ByteBuffer.wrap(values.sci())).setErr(ByteBuffer.wrap(values.err()))
                .setDq(ByteBuffer.wrap(values.dq())).setVarPoisson(ByteBuffer.wrap(values.varPoisson()))
                .setVarRnoise(ByteBuffer.wrap(values.varRnoise()))
                .build();
    }
}
