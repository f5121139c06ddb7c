package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Raw ramps (SCI and REFOUT of RAW products): 16-bit samples into raw_ramp_strip and refout_ramp_strip. */
final class RawRampFormat implements ChunkFormat<RawRampChunk> {

    @Override
    public ProductKind kind(RawRampChunk chunk) {
        return ProductKind.RAW;
    }

    @Override
    public String exposure(RawRampChunk chunk) {
        return chunk.getExposure();
    }

    @Override
    public String checksum(RawRampChunk chunk) {
        return chunk.getProductChecksum();
    }

    @Override
    public int chunkIndex(RawRampChunk chunk) {
        return chunk.getChunkIndex();
    }

    @Override
    public int chunkCount(RawRampChunk chunk) {
        return chunk.getChunkCount();
    }

    @Override
    public int ramps(RawRampChunk chunk) {
        return chunk.getRows() * chunk.getCols();
    }

    @Override
    public String problem(ExposureShape shape, RawRampChunk chunk) {
        if (chunk.getNgroups() != shape.ngroups()) {
            return chunk.getNgroups() + " groups per ramp, the exposure has " + shape.ngroups();
        }
        String problem = shape.blockProblem(chunk.getIntegration(), chunk.getKind() == RampKind.REFOUT,
                chunk.getFirstRow(), chunk.getRows(), chunk.getFirstCol(), chunk.getCols());
        return problem != null ? problem : ExposureShape.sizeProblem("samples", chunk.getSamples(),
                2L * ramps(chunk) * chunk.getNgroups());
    }

    @Override
    public void copy(Connection connection, int productId, List<RawRampChunk> chunks) throws SQLException {
        StripTable.RAW_SCIENCE.copy(connection, productId, blocks(chunks, RampKind.SCIENCE));
        StripTable.RAW_REFOUT.copy(connection, productId, blocks(chunks, RampKind.REFOUT));
    }

    private static List<StripBlock> blocks(List<RawRampChunk> chunks, RampKind kind) {
        return chunks.stream().filter(c -> c.getKind() == kind)
                .map(c -> StripBlock.of(c.getIntegration(), c.getFirstRow(), c.getRows(), c.getFirstCol(), c.getCols(),
                        new StripBlock.Plane(c.getSamples(), 2 * c.getNgroups())))
                .toList();
    }

    @Override
    public List<StripTable> tables() {
        return List.of(StripTable.RAW_SCIENCE, StripTable.RAW_REFOUT);
    }
}
