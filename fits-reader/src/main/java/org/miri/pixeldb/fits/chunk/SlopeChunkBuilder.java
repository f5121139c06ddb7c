package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.miri.pixeldb.fits.jwst.SlopeBlock;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.jwst.SlopeReader;
import org.miri.pixeldb.schemas.SlopeChunk;

/**
 * Reads planned blocks of a slope product's planes and wraps each as a {@link SlopeChunk}. A plane is opened by its
 * integration number alone: slope planes are small, and each block is read when its chunk is built.
 */
record SlopeChunkBuilder(ChunkPlan<SlopeGeometry> plan, SlopeReader reader, String exposure, String productChecksum)
        implements ChunkSource<Integer, SlopeChunk> {

    @Override
    public Integer plane(int plane) {
        return plan.geometry().integrations().get(plane);
    }

    @Override
    public SlopeChunk chunk(Integer integration, ChunkBlock block, int chunkIndex) throws IOException {
        SlopeGeometry geometry = plan.geometry();
        SlopeBlock values = reader.block(integration, block.y0(), block.rows(), block.x0(), block.cols());
        return SlopeChunk.newBuilder()
                .setExposure(exposure).setProduct(geometry.product()).setProductChecksum(productChecksum)
                .setIntegration(integration)
                .setFirstRow(geometry.firstRow() + block.y0()).setRows(block.rows())
                .setFirstCol(geometry.firstCol() + block.x0()).setCols(block.cols())
                .setChunkIndex(chunkIndex).setChunkCount(plan.chunkCount())
                .setSci(ByteBuffer.wrap(values.sci())).setErr(ByteBuffer.wrap(values.err()))
                .setDq(ByteBuffer.wrap(values.dq())).setVarPoisson(ByteBuffer.wrap(values.varPoisson()))
                .setVarRnoise(ByteBuffer.wrap(values.varRnoise()))
                .build();
    }
}
