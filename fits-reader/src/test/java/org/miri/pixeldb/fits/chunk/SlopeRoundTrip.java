package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.testing.SyntheticValues;
import org.miri.pixeldb.schemas.SlopeChunk;

/** Checks that a slope product's chunks are its plan, in order, and carry every value exactly once, bit for bit. */
final class SlopeRoundTrip {

    /** Totals over all chunks. */
    record Seen(int slopes, int referencePixelFlags, long sciNans) {
    }

    private SlopeRoundTrip() {
    }

    static Seen assertCoversExactly(ChunkPlan<SlopeGeometry> plan, List<SlopeChunk> chunks, ExpectedSlopes expected) {
        SlopeGeometry g = plan.geometry();
        assertEquals(plan.chunkCount(), chunks.size());
        int[][][] seen = new int[g.planes()][g.rows()][g.cols()];
        int referencePixels = 0;
        long nans = 0;
        for (int index = 0; index < chunks.size(); index++) {
            SlopeChunk chunk = chunks.get(index);
            assertEquals(index, chunk.getChunkIndex());
            assertEquals(plan.chunkCount(), chunk.getChunkCount());
            assertEquals(g.product(), chunk.getProduct());
            int p = g.plane(chunk.getIntegration());
            int y0 = chunk.getFirstRow() - g.firstRow();
            int x0 = chunk.getFirstCol() - g.firstCol();
            int bytes = chunk.getRows() * chunk.getCols() * Float.BYTES;
            ByteBuffer[] floats = {exact(chunk.getSci(), bytes), exact(chunk.getErr(), bytes),
                exact(chunk.getVarPoisson(), bytes), exact(chunk.getVarRnoise(), bytes)};
            ByteBuffer dq = exact(chunk.getDq(), bytes);
            for (int r = 0; r < chunk.getRows(); r++) {
                for (int c = 0; c < chunk.getCols(); c++) {
                    int at = (r * chunk.getCols() + c) * Float.BYTES;
                    int y = y0 + r;
                    int x = x0 + c;
                    for (int array = 0; array < floats.length; array++) {
                        int a = array;
                        assertEquals(Float.floatToRawIntBits(expected.floats()[array][p][y][x]),
                                floats[array].getInt(at),
                                () -> ExpectedSlopes.FLOAT_ARRAYS[a] + " plane " + p + " [" + y + "][" + x + "]");
                    }
                    long flags = Integer.toUnsignedLong(dq.getInt(at));
                    assertEquals(expected.dq()[p][y][x], flags, () -> "DQ plane " + p + " [" + y + "][" + x + "]");
                    referencePixels += (flags & SyntheticValues.REFERENCE_PIXEL) != 0 ? 1 : 0;
                    nans += Float.isNaN(Float.intBitsToFloat(floats[0].getInt(at))) ? 1 : 0;
                    seen[p][y][x]++;
                }
            }
        }
        int slopes = 0;
        for (int[][] plane : seen) {
            for (int[] row : plane) {
                for (int times : row) {
                    assertEquals(1, times, "every slope exactly once");
                    slopes++;
                }
            }
        }
        return new Seen(slopes, referencePixels, nans);
    }

    private static ByteBuffer exact(ByteBuffer field, int bytes) {
        ByteBuffer copy = ByteBuffer.allocate(field.remaining()).put(field.duplicate());
        assertEquals(bytes, copy.capacity());
        return copy.flip();
    }
}
