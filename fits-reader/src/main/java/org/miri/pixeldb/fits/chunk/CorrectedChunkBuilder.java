package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.CorrectedIntegration;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.RampKind;

/** Reads planned blocks of a RAMP product's integrations and wraps each as a {@link CorrectedRampChunk}. */
record CorrectedChunkBuilder(ChunkPlan<CorrectedGeometry> plan, IntFunction<CorrectedIntegration> integrations, String exposure,
        String productChecksum) implements IntegrationChunkSource<CorrectedIntegration, CorrectedRampChunk> {

    @Override
    public CorrectedRampChunk chunk(CorrectedIntegration integration, ChunkBlock block, int chunkIndex)
            throws IOException {
        RampGeometry geometry = plan.geometry().ramps();
        int y0 = block.y0();
        int x0 = block.x0();
        CorrectedRampChunk.Builder chunk = CorrectedRampChunk.newBuilder()
                .setExposure(exposure)
                .setProductChecksum(productChecksum)
                .setIntegration(integration.number())
                .setKind(block.kind())
                .setFirstRow(geometry.firstRow() + y0)
                .setRows(block.rows())
                .setCols(block.cols())
                .setNgroups(geometry.ngroups())
                .setChunkIndex(chunkIndex)
                .setChunkCount(plan.chunkCount());
        if (block.kind() == RampKind.REFOUT) {
            return chunk.setFirstCol(geometry.firstRefCol() + x0)
                    .setSci(ramps(integration.refout(y0, block.rows(), x0, block.cols()), Float.BYTES, block))
                    .build();
        }
        // PIXELDQ holds for every integration: sent once, with integration 1, as the schema says.
        byte[] pixeldq = integration.number() == 1 ? integration.pixeldq(y0, block.rows(), x0, block.cols()) : null;
        return chunk.setFirstCol(geometry.firstCol() + x0)
                .setSci(ramps(integration.sci(y0, block.rows(), x0, block.cols()), Float.BYTES, block))
                .setErr(ramps(integration.err(y0, block.rows(), x0, block.cols()), Float.BYTES, block))
                .setGroupdq(ramps(integration.groupdq(y0, block.rows(), x0, block.cols()), Byte.BYTES, block))
                .setPixeldq(pixeldq == null ? null : ByteBuffer.wrap(pixeldq))
                .build();
    }

    private ByteBuffer ramps(byte[] groupMajor, int valueBytes, ChunkBlock block) {
        return groupMajor == null ? null : ByteBuffer.wrap(CorrectedPacking.rampMajor(groupMajor, valueBytes,
                plan.geometry().ramps().ngroups(), block.rows(), block.cols()));
    }
}
