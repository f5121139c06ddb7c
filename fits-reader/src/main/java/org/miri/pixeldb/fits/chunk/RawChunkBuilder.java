package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.RawIntegration;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Reads planned blocks of a raw product's integrations and wraps each as a {@link RawRampChunk}. */
record RawChunkBuilder(ChunkPlan<RampGeometry> plan, IntFunction<RawIntegration> integrations, String exposure,
        String productChecksum) implements IntegrationChunkSource<RawIntegration, RawRampChunk> {

    @Override
    public RawRampChunk chunk(RawIntegration integration, ChunkBlock block, int chunkIndex) throws IOException {
        RampGeometry geometry = plan.geometry();
        char[] samples = integration.block(block.kind(), block.y0(), block.rows(), block.x0(), block.cols());
        int firstCol = block.kind() == RampKind.SCIENCE ? geometry.firstCol() + block.x0()
                : geometry.firstRefCol() + block.x0();
        byte[] packed = RawRampPacking.pack(samples, geometry.ngroups(), block.rows(), block.cols());
        return RawRampChunk.newBuilder()
                .setExposure(exposure)
                .setProductChecksum(productChecksum)
                .setIntegration(integration.number())
                .setKind(block.kind())
                .setFirstRow(geometry.firstRow() + block.y0())
                .setRows(block.rows())
                .setFirstCol(firstCol)
                .setCols(block.cols())
                .setNgroups(geometry.ngroups())
                .setChunkIndex(chunkIndex)
                .setChunkCount(plan.chunkCount())
                .setSamples(ByteBuffer.wrap(packed))
                .build();
    }
}
