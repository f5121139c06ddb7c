package org.miri.pixeldb.api.health;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.miri.pixeldb.health.slope.QuickLookSlope;
import org.miri.pixeldb.health.slope.RampSlope;
import org.miri.pixeldb.platform.db.StripBudget;

/**
 * Fits the raw ramps of one RAW product strip by strip and writes the slopes into {@code slope_strip}. A raw strip
 * holds its pixels' ramps one after the other ([col][group], big-endian uint16), so each ramp is fitted in place;
 * the slopes of a strip become a slope strip of the same pixels, cut to the writers' row budget.
 */
final class QuickLookStrips {

    // A strip row within the writers' budget: 5 arrays x 4 bytes a pixel.
    static final int MAX_PIXELS = StripBudget.MAX_STRIP_BYTES / 20;
    private static final int BATCH = 512;
    private static final String RAMPS = "select integration, row, first_col, ncols, samples from raw_ramp_strip"
            + " where product_id = ?";
    private static final String INSERT = "insert into slope_strip (product_id, integration, row, first_col, ncols, sci,"
            + " err, dq, var_poisson, var_rnoise) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private QuickLookStrips() {
    }

    static void write(Connection tx, int rawProductId, int productId, QuickLookSlope fit) throws SQLException {
        int ngroups = fit.window().ngroups();
        try (PreparedStatement ramps = SlopeInput.strips(tx, RAMPS, rawProductId);
             PreparedStatement insert = tx.prepareStatement(INSERT)) {
            int pending = 0;
            try (ResultSet rs = ramps.executeQuery()) {
                while (rs.next()) {
                    int ncols = rs.getInt(4);
                    char[] samples = new char[ncols * ngroups];
                    ByteBuffer.wrap(rs.getBytes(5)).asCharBuffer().get(samples);
                    for (int from = 0; from < ncols; from += MAX_PIXELS) {
                        int width = Math.min(MAX_PIXELS, ncols - from);
                        bind(insert, productId, rs.getInt(1), rs.getInt(2), rs.getInt(3) + from,
                                slopes(fit, samples, from, width, ngroups));
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** SCI and DQ of pixels from..from+width-1 of the strip, big-endian as the writers store them. */
    private static ByteBuffer[] slopes(QuickLookSlope fit, char[] samples, int from, int width, int ngroups) {
        ByteBuffer sci = ByteBuffer.allocate(4 * width);
        ByteBuffer dq = ByteBuffer.allocate(4 * width);
        for (int x = 0; x < width; x++) {
            RampSlope slope = fit.fit(samples, (from + x) * ngroups, 1);
            sci.putFloat(4 * x, (float) slope.dnPerSecond());
            dq.putInt(4 * x, slope.dq());
        }
        return new ByteBuffer[] {sci, dq};
    }

    private static void bind(PreparedStatement insert, int productId, int integration, int row, int firstCol,
                             ByteBuffer[] sciAndDq) throws SQLException {
        int width = sciAndDq[0].capacity() / 4;
        byte[] nan = nans(width);
        insert.setInt(1, productId);
        insert.setInt(2, integration);
        insert.setInt(3, row);
        insert.setInt(4, firstCol);
        insert.setInt(5, width);
        insert.setBytes(6, sciAndDq[0].array());
        insert.setBytes(7, nan);
        insert.setBytes(8, sciAndDq[1].array());
        insert.setBytes(9, nan);
        insert.setBytes(10, nan);
    }

    /** ERR and the variances are not estimated by a quick look: NaN, as the pipeline writes where it has none. */
    private static byte[] nans(int width) {
        ByteBuffer nan = ByteBuffer.allocate(4 * width);
        float[] values = new float[width];
        Arrays.fill(values, Float.NaN);
        nan.asFloatBuffer().put(values);
        return nan.array();
    }
}
