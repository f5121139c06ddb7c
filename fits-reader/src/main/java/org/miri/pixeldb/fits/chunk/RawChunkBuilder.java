package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.RawIntegration;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Reads one planned block of one integration and wraps it as a {@link RawRampChunk} of one product. */
final class RawChunkBuilder {

    private final RawChunkPlan plan;
    private final String exposure;
    private final String productChecksum;

    RawChunkBuilder(RawChunkPlan plan, String exposure, String productChecksum) {
        this.plan = plan;
        this.exposure = exposure;
        this.productChecksum = productChecksum;
    }

    RawRampChunk build(RawIntegration integration, int blockIndex) throws IOException {
        ChunkBlock block = plan.blocksPerIntegration().get(blockIndex);
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
                .setChunkIndex(plan.chunkIndex(integration.number(), blockIndex))
                .setChunkCount(plan.chunkCount())
                .setSamples(ByteBuffer.wrap(packed))
                .build();
    }
}
