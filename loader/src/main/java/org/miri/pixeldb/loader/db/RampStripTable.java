package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * A table of ramp strips ({@code raw_ramp_strip}, {@code refout_ramp_strip}): one row per product,
 * integration and run of consecutive pixels of one detector row, holding their packed ramps as the
 * chunk carries them ([col][group], big-endian uint16). See decision 0004 for why.
 */
final class RampStripTable {

    /**
     * Longest strip value. A row of at most 2,032 bytes stays in the table page (PostgreSQL's TOAST
     * threshold for 8 kB pages) and four fill a page; a pixel lookup then reads one page per ramp
     * instead of the row, the TOAST index and a TOAST page. 1,960 bytes are 49 ramps of 20 groups.
     */
    static final int MAX_STRIP_BYTES = 1_960;

    static final RampStripTable RAW_SCIENCE = new RampStripTable("raw_ramp_strip");
    static final RampStripTable RAW_REFOUT = new RampStripTable("refout_ramp_strip");

    private final String copySql;

    private RampStripTable(String table) {
        this.copySql = "copy " + table + " (product_id, integration, row, first_col, ncols, samples)"
                + " from stdin (format binary)";
    }

    /** Stores every row of the chunks with one binary COPY; returns the number of strips written. */
    long copy(Connection connection, int productId, List<RawRampChunk> chunks) throws SQLException {
        if (chunks.isEmpty()) {
            return 0;
        }
        BinaryCopyEncoder out = BinaryCopyEncoder.start(connection, copySql);
        try {
            for (RawRampChunk chunk : chunks) {
                ByteBuffer samples = chunk.getSamples();
                byte[] bytes = samples.hasArray() ? samples.array() : copyOf(samples);
                int start = samples.hasArray() ? samples.arrayOffset() + samples.position() : 0;
                int rampBytes = chunk.getNgroups() * 2;
                int width = Math.max(1, MAX_STRIP_BYTES / rampBytes);
                for (int r = 0; r < chunk.getRows(); r++) {
                    for (int c = 0; c < chunk.getCols(); c += width) {
                        int n = Math.min(width, chunk.getCols() - c);
                        out.row(6).int4(productId).int2(chunk.getIntegration()).int2(chunk.getFirstRow() + r)
                                .int2(chunk.getFirstCol() + c).int2(n)
                                .bytes(bytes, start + (r * chunk.getCols() + c) * rampBytes, n * rampBytes);
                    }
                }
            }
            return out.finish();
        } catch (SQLException | RuntimeException e) {
            try {
                out.cancel();
            } catch (SQLException cancelFailed) {
                e.addSuppressed(cancelFailed);
            }
            throw e;
        }
    }

    private static byte[] copyOf(ByteBuffer samples) {
        byte[] bytes = new byte[samples.remaining()];
        samples.duplicate().get(bytes);
        return bytes;
    }
}
