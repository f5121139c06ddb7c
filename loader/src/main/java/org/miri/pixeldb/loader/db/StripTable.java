package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A table of strips: one row per product, integration (where the table has one) and run of consecutive
 * pixels of one detector row, with one packed {@code bytea} column per plane, in the chunk's byte order.
 * See decisions 0004 and 0006 for why.
 */
final class StripTable {

    /**
     * Most bytes of all planes of one strip. A row of at most 2,032 bytes stays in the table page
     * (PostgreSQL's TOAST threshold for 8 kB pages) and four fill a page; a pixel lookup then reads
     * one page per ramp instead of the row, the TOAST index and a TOAST page.
     */
    static final int MAX_STRIP_BYTES = 1_960;

    static final StripTable RAW_SCIENCE = new StripTable("raw_ramp_strip", true, "samples");
    static final StripTable RAW_REFOUT = new StripTable("refout_ramp_strip", true, "samples");
    static final StripTable CORRECTED_SCIENCE = new StripTable("corrected_ramp_strip", true, "sci", "err", "groupdq");
    static final StripTable CORRECTED_REFOUT = new StripTable("corrected_refout_strip", true, "sci");
    static final StripTable PIXELDQ = new StripTable("pixeldq_strip", false, "dq");
    static final StripTable SLOPES = new StripTable("slope_strip", true, "sci", "err", "dq", "var_poisson", "var_rnoise");

    private final String copySql;
    private final boolean perIntegration;
    private final int fields;

    private StripTable(String table, boolean perIntegration, String... planes) {
        this.perIntegration = perIntegration;
        this.fields = perIntegration ? 5 : 4; // product_id, [integration,] row, first_col, ncols
        this.copySql = "copy " + table + " (product_id, " + (perIntegration ? "integration, " : "")
                + "row, first_col, ncols, " + String.join(", ", planes) + ") from stdin (format binary)";
    }

    /** Stores every block with one binary COPY; returns the number of strips written. */
    long copy(Connection connection, int productId, List<StripBlock> blocks) throws SQLException {
        if (blocks.isEmpty()) {
            return 0;
        }
        BinaryCopyEncoder out = BinaryCopyEncoder.start(connection, copySql);
        try {
            for (StripBlock block : blocks) {
                write(out, productId, block);
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

    private void write(BinaryCopyEncoder out, int productId, StripBlock block) throws SQLException {
        byte[][] planes = block.planes().stream().map(p -> p.data() == null ? null : p.bytes()).toArray(byte[][]::new);
        int width = Math.max(1, MAX_STRIP_BYTES / block.bytesPerPixel());
        for (int r = 0; r < block.rows(); r++) {
            for (int c = 0; c < block.cols(); c += width) {
                int n = Math.min(width, block.cols() - c);
                out.row(fields + planes.length).int4(productId);
                if (perIntegration) {
                    out.int2(block.integration());
                }
                out.int2(block.firstRow() + r).int2(block.firstCol() + c).int2(n);
                for (int i = 0; i < planes.length; i++) {
                    if (planes[i] == null) {
                        out.nullField();
                    } else {
                        int pixelBytes = block.planes().get(i).bytesPerPixel();
                        out.bytes(planes[i], (r * block.cols() + c) * pixelBytes, n * pixelBytes);
                    }
                }
            }
        }
    }
}
