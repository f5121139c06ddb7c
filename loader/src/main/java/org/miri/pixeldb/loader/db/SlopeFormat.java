package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SlopeChunk;

/** Slopes (RATEINTS per integration, RATE per exposure as integration 0): five arrays into slope_strip. */
final class SlopeFormat implements ChunkFormat<SlopeChunk> {

    @Override
    public ProductKind kind(SlopeChunk chunk) {
        return chunk.getProduct();
    }

    @Override
    public String exposure(SlopeChunk chunk) {
        return chunk.getExposure();
    }

    @Override
    public String checksum(SlopeChunk chunk) {
        return chunk.getProductChecksum();
    }

    @Override
    public int chunkIndex(SlopeChunk chunk) {
        return chunk.getChunkIndex();
    }

    @Override
    public int chunkCount(SlopeChunk chunk) {
        return chunk.getChunkCount();
    }

    @Override
    public int ramps(SlopeChunk chunk) {
        return chunk.getRows() * chunk.getCols();
    }

    @Override
    public String problem(ExposureShape shape, SlopeChunk chunk) {
        boolean rate = chunk.getProduct() == ProductKind.RATE;
        if (chunk.getProduct() != ProductKind.RATEINTS && !rate) {
            return "slopes of a " + chunk.getProduct() + " product";
        }
        if (rate && chunk.getIntegration() != 0) {
            return "RATE slopes of integration " + chunk.getIntegration() + ", they cover the exposure (0)";
        }
        String problem = shape.blockProblem(rate ? 1 : chunk.getIntegration(), false, chunk.getFirstRow(),
                chunk.getRows(), chunk.getFirstCol(), chunk.getCols());
        List<String> names = List.of("SCI", "ERR", "DQ", "VAR_POISSON", "VAR_RNOISE");
        List<ByteBuffer> arrays = List.of(chunk.getSci(), chunk.getErr(), chunk.getDq(), chunk.getVarPoisson(),
                chunk.getVarRnoise());
        // In file order, so that the reason names the first array that is wrong, the same one every time.
        for (int i = 0; i < names.size() && problem == null; i++) {
            problem = ExposureShape.sizeProblem(names.get(i), arrays.get(i), 4L * ramps(chunk));
        }
        return problem;
    }

    @Override
    public void copy(Connection connection, int productId, List<SlopeChunk> chunks) throws SQLException {
        StripTable.SLOPES.copy(connection, productId, chunks.stream()
                .map(c -> StripBlock.of(c.getIntegration(), c.getFirstRow(), c.getRows(), c.getFirstCol(), c.getCols(),
                        new StripBlock.Plane(c.getSci(), 4), new StripBlock.Plane(c.getErr(), 4),
                        new StripBlock.Plane(c.getDq(), 4), new StripBlock.Plane(c.getVarPoisson(), 4),
                        new StripBlock.Plane(c.getVarRnoise(), 4)))
                .toList());
    }

    @Override
    public List<StripTable> tables() {
        return List.of(StripTable.SLOPES);
    }
}
