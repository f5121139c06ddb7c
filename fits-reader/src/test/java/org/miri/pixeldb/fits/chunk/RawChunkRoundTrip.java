package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Checks that a product's chunks are its plan, in order, and hold every sample exactly once with its value. */
final class RawChunkRoundTrip {

    /** The expected unsigned sample of integration i (1-based), plane kind, array row y, column x, group g. */
    interface Expected {
        int value(int integration, RampKind kind, int y, int x, int group);
    }

    private RawChunkRoundTrip() {
    }

    static void assertCoversExactly(ChunkPlan<RampGeometry> plan, List<RawRampChunk> chunks, Expected expected) {
        RampGeometry geometry = plan.geometry();
        assertEquals(plan.chunkCount(), chunks.size());
        int[][][][] seen = new int[geometry.nints()][2][geometry.rows()][geometry.cols()];
        for (int index = 0; index < chunks.size(); index++) {
            RawRampChunk chunk = chunks.get(index);
            assertEquals(index, chunk.getChunkIndex());
            assertEquals(plan.chunkCount(), chunk.getChunkCount());
            assertEquals(geometry.ngroups(), chunk.getNgroups());
            byte[] bytes = RawChunkCollector.bytes(chunk);
            assertEquals(chunk.getRows() * chunk.getCols() * chunk.getNgroups() * 2, bytes.length);
            boolean science = chunk.getKind() == RampKind.SCIENCE;
            int y0 = chunk.getFirstRow() - geometry.firstRow();
            int x0 = chunk.getFirstCol() - (science ? geometry.firstCol() : geometry.firstRefCol());
            for (int r = 0; r < chunk.getRows(); r++) {
                for (int c = 0; c < chunk.getCols(); c++) {
                    seen[chunk.getIntegration() - 1][science ? 0 : 1][y0 + r][x0 + c]++;
                    for (int g = 0; g < chunk.getNgroups(); g++) {
                        assertEquals(expected.value(chunk.getIntegration(), chunk.getKind(), y0 + r, x0 + c, g),
                                RawChunkCollector.sample(chunk, bytes, r, c, g),
                                "chunk " + index + " row " + r + " col " + c + " group " + g);
                    }
                }
            }
        }
        for (int[][][] integration : seen) {
            for (int plane = 0; plane < 2; plane++) {
                int width = plane == 0 ? geometry.cols() : geometry.refCols();
                for (int[] row : integration[plane]) {
                    for (int x = 0; x < width; x++) {
                        assertEquals(1, row[x], "every ramp exactly once");
                    }
                }
            }
        }
    }
}
