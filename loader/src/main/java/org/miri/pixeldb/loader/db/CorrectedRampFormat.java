package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Corrected ramps (RAMP products): SCI, ERR and GROUPDQ into corrected_ramp_strip, PIXELDQ into
 * pixeldq_strip, the corrected reference output into corrected_refout_strip, and each science chunk's jump counts
 * (derived from its GROUPDQ, for detector health) into jump_count_block.
 */
final class CorrectedRampFormat implements ChunkFormat<CorrectedRampChunk> {

    @Override
    public ProductKind kind(CorrectedRampChunk chunk) {
        return ProductKind.RAMP;
    }

    @Override
    public String exposure(CorrectedRampChunk chunk) {
        return chunk.getExposure();
    }

    @Override
    public String checksum(CorrectedRampChunk chunk) {
        return chunk.getProductChecksum();
    }

    @Override
    public int chunkIndex(CorrectedRampChunk chunk) {
        return chunk.getChunkIndex();
    }

    @Override
    public int chunkCount(CorrectedRampChunk chunk) {
        return chunk.getChunkCount();
    }

    @Override
    public int ramps(CorrectedRampChunk chunk) {
        return chunk.getRows() * chunk.getCols();
    }

    @Override
    public String problem(ExposureShape shape, CorrectedRampChunk chunk) {
        if (chunk.getNgroups() != shape.ngroups()) {
            return chunk.getNgroups() + " groups per ramp, the exposure has " + shape.ngroups();
        }
        boolean refout = chunk.getKind() == RampKind.REFOUT;
        String problem = shape.blockProblem(chunk.getIntegration(), refout, chunk.getFirstRow(), chunk.getRows(),
                chunk.getFirstCol(), chunk.getCols());
        long values = (long) ramps(chunk) * chunk.getNgroups();
        if (problem == null) {
            problem = ExposureShape.sizeProblem("SCI", chunk.getSci(), 4 * values);
        }
        if (problem == null && refout && (chunk.getErr() != null || chunk.getGroupdq() != null || chunk.getPixeldq() != null)) {
            problem = "a reference-output chunk carries ERR, GROUPDQ or PIXELDQ";
        }
        if (problem == null && !refout) {
            if (chunk.getGroupdq() == null) {
                problem = "GROUPDQ missing";
            } else if (chunk.getErr() != null) {
                problem = ExposureShape.sizeProblem("ERR", chunk.getErr(), 4 * values);
            }
            problem = problem != null ? problem : ExposureShape.sizeProblem("GROUPDQ", chunk.getGroupdq(), values);
            if (problem == null && chunk.getPixeldq() != null) {
                problem = ExposureShape.sizeProblem("PIXELDQ", chunk.getPixeldq(), 4L * ramps(chunk));
            }
        }
        return problem;
    }

    @Override
    public void copy(Connection connection, int productId, List<CorrectedRampChunk> chunks) throws SQLException {
        List<CorrectedRampChunk> science = chunks.stream().filter(c -> c.getKind() == RampKind.SCIENCE).toList();
        StripTable.CORRECTED_SCIENCE.copy(connection, productId, science.stream()
                .map(c -> block(c, new StripBlock.Plane(c.getSci(), 4 * c.getNgroups()),
                        new StripBlock.Plane(c.getErr(), 4 * c.getNgroups()),
                        new StripBlock.Plane(c.getGroupdq(), c.getNgroups())))
                .toList());
        StripTable.PIXELDQ.copy(connection, productId, science.stream().filter(c -> c.getPixeldq() != null)
                .map(c -> block(c, new StripBlock.Plane(c.getPixeldq(), 4)))
                .toList());
        JumpCountTable.insert(connection, productId, science);
        StripTable.CORRECTED_REFOUT.copy(connection, productId, chunks.stream().filter(c -> c.getKind() == RampKind.REFOUT)
                .map(c -> block(c, new StripBlock.Plane(c.getSci(), 4 * c.getNgroups())))
                .toList());
    }

    private static StripBlock block(CorrectedRampChunk c, StripBlock.Plane... planes) {
        return StripBlock.of(c.getIntegration(), c.getFirstRow(), c.getRows(), c.getFirstCol(), c.getCols(), planes);
    }

    @Override
    public List<StripTable> tables() {
        return List.of(StripTable.CORRECTED_SCIENCE, StripTable.CORRECTED_REFOUT, StripTable.PIXELDQ);
    }
}
