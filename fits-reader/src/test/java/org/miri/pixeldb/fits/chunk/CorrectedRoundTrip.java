package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Supplier;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Checks that a RAMP product's chunks are its plan, in order, and carry every value exactly once, bit for bit, where
 * the schema puts it; returns what it saw, for the callers' totals.
 */
final class CorrectedRoundTrip {

    /** Totals over all chunks. */
    record Seen(int scienceRamps, int refoutRamps, int pixeldqValues, long sciNans, long errNans) {
    }

    private CorrectedRoundTrip() {
    }

    static Seen assertCoversExactly(ChunkPlan<CorrectedGeometry> plan, List<CorrectedRampChunk> chunks, ExpectedRamps expected) {
        RampGeometry g = plan.geometry().ramps();
        assertEquals(plan.chunkCount(), chunks.size());
        int[][][] science = new int[g.nints()][g.rows()][g.cols()];
        int[][][] refout = new int[g.nints()][g.rows()][g.refCols()];
        int[][] pixeldq = new int[g.rows()][g.cols()];
        long[] nans = new long[2];
        for (int index = 0; index < chunks.size(); index++) {
            CorrectedRampChunk chunk = chunks.get(index);
            assertEquals(index, chunk.getChunkIndex());
            assertEquals(plan.chunkCount(), chunk.getChunkCount());
            assertEquals(g.ngroups(), chunk.getNgroups());
            int i = chunk.getIntegration() - 1;
            int n = g.ngroups();
            int y0 = chunk.getFirstRow() - g.firstRow();
            ByteBuffer sci = exact(chunk.getSci(), chunk.getRows() * chunk.getCols() * n * Float.BYTES);
            if (chunk.getKind() == RampKind.REFOUT) {
                int x0 = chunk.getFirstCol() - g.firstRefCol();
                assertNull(chunk.getErr());
                assertNull(chunk.getGroupdq());
                assertNull(chunk.getPixeldq());
                forEachValue(chunk, (r, c, group, at) -> assertEquals(
                        Float.floatToRawIntBits(expected.refout()[i][group][y0 + r][x0 + c]),
                        sci.getInt(at * Float.BYTES), () -> "REFOUT chunk " + chunk.getChunkIndex()));
                forEachRamp(chunk, (r, c) -> refout[i][y0 + r][x0 + c]++);
                continue;
            }
            int x0 = chunk.getFirstCol() - g.firstCol();
            ByteBuffer err = expected.err() == null ? null : exact(chunk.getErr(), sci.capacity());
            if (err == null) {
                assertNull(chunk.getErr(), "a product without ERR sends no ERR");
            }
            ByteBuffer groupdq = exact(chunk.getGroupdq(), sci.capacity() / Float.BYTES);
            forEachValue(chunk, (r, c, group, at) -> {
                Supplier<String> where = () -> "integration " + (i + 1) + " group " + group + " array row " + (y0 + r)
                        + " col " + (x0 + c);
                int bits = sci.getInt(at * Float.BYTES);
                assertEquals(Float.floatToRawIntBits(expected.sci()[i][group][y0 + r][x0 + c]), bits, where);
                nans[0] += Float.isNaN(Float.intBitsToFloat(bits)) ? 1 : 0;
                if (err != null) {
                    int errBits = err.getInt(at * Float.BYTES);
                    assertEquals(Float.floatToRawIntBits(expected.err()[i][group][y0 + r][x0 + c]), errBits, where);
                    nans[1] += Float.isNaN(Float.intBitsToFloat(errBits)) ? 1 : 0;
                }
                assertEquals(expected.groupdq()[i][group][y0 + r][x0 + c], groupdq.get(at), where);
            });
            forEachRamp(chunk, (r, c) -> science[i][y0 + r][x0 + c]++);
            if (i > 0) {
                assertNull(chunk.getPixeldq(), "PIXELDQ travels with integration 1 only");
                continue;
            }
            ByteBuffer flags = exact(chunk.getPixeldq(), chunk.getRows() * chunk.getCols() * Integer.BYTES);
            forEachRamp(chunk, (r, c) -> {
                assertEquals(expected.pixeldq()[y0 + r][x0 + c],
                        Integer.toUnsignedLong(flags.getInt((r * chunk.getCols() + c) * Integer.BYTES)),
                        () -> "PIXELDQ array row " + (y0 + r) + " col " + (x0 + c));
                pixeldq[y0 + r][x0 + c]++;
            });
        }
        return new Seen(once(science), expected.refout() == null ? 0 : once(refout),
                once(new int[][][] {pixeldq}), nans[0], nans[1]);
    }

    private static ByteBuffer exact(ByteBuffer field, int bytes) {
        assertNotNull(field);
        ByteBuffer copy = ByteBuffer.allocate(field.remaining()).put(field.duplicate());
        assertEquals(bytes, copy.capacity());
        return copy.flip();
    }

    /** Every element seen exactly once; returns how many there are. */
    private static int once(int[][][] seen) {
        int count = 0;
        for (int[][] plane : seen) {
            for (int[] row : plane) {
                for (int times : row) {
                    assertEquals(1, times, "every ramp and every PIXELDQ value exactly once");
                    count++;
                }
            }
        }
        return count;
    }

    private interface ValueCheck {
        void check(int row, int col, int group, int at);
    }

    private interface RampCheck {
        void check(int row, int col);
    }

    /** Values in the schema's order [row][col][group]: value {@code at} of the chunk. */
    private static void forEachValue(CorrectedRampChunk chunk, ValueCheck check) {
        int at = 0;
        for (int r = 0; r < chunk.getRows(); r++) {
            for (int c = 0; c < chunk.getCols(); c++) {
                for (int group = 0; group < chunk.getNgroups(); group++) {
                    check.check(r, c, group, at++);
                }
            }
        }
    }

    private static void forEachRamp(CorrectedRampChunk chunk, RampCheck check) {
        for (int r = 0; r < chunk.getRows(); r++) {
            for (int c = 0; c < chunk.getCols(); c++) {
                check.check(r, c);
            }
        }
    }
}
