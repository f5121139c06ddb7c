package org.miri.pixeldb.loader.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The two questions users ask most, phrased for each layout family. Pixel history takes
 * (sca_id, row, col): every ramp of that pixel in every exposure of the detector. A region read
 * takes (product_id, first row, last row, first col, last col): every ramp of that rectangle, all
 * integrations. Both return the samples as bytea, so latency counts the database and the transfer.
 */
enum LayoutQueries {
    /** One row per ramp, or per pixel and exposure: the key names the pixel. */
    PER_PIXEL_KEY(
            "select r.product_id, r.samples from layout_bench.product p join layout_bench.%s r"
                    + " on r.product_id = p.product_id where p.sca_id = ? and r.row = ? and r.col = ?",
            new int[] {0, 1, 2},
            "select r.row, r.col, r.samples from layout_bench.%s r"
                    + " where r.product_id = ? and r.row between ? and ? and r.col between ? and ?",
            new int[] {0, 1, 2, 3, 4}),
    /** One row per run of pixels along a detector row: the key names the run's first column. */
    STRIP(
            "select r.product_id, r.integration, substring(r.samples from (? - r.first_col) * p.ngroups * 2 + 1"
                    + " for p.ngroups * 2) from layout_bench.product p join layout_bench.%s r"
                    + " on r.product_id = p.product_id where p.sca_id = ? and r.row = ?"
                    + " and r.first_col <= ? and r.first_col + r.ncols > ?",
            new int[] {2, 0, 1, 2, 2},
            "select r.row, r.integration, substring(r.samples from (greatest(?, r.first_col) - r.first_col)"
                    + " * p.ngroups * 2 + 1 for (least(?, r.first_col + r.ncols - 1) - greatest(?, r.first_col) + 1)"
                    + " * p.ngroups * 2) from layout_bench.product p join layout_bench.%s r"
                    + " on r.product_id = p.product_id where r.product_id = ? and r.row between ? and ?"
                    + " and r.first_col <= ? and r.first_col + r.ncols > ?",
            new int[] {3, 4, 3, 0, 1, 2, 4, 3});

    private final String pixelHistory;
    private final int[] pixelArgs;
    private final String region;
    private final int[] regionArgs;

    LayoutQueries(String pixelHistory, int[] pixelArgs, String region, int[] regionArgs) {
        this.pixelHistory = pixelHistory;
        this.pixelArgs = pixelArgs;
        this.region = region;
        this.regionArgs = regionArgs;
    }

    String pixelHistorySql(String table) {
        return pixelHistory.formatted(table);
    }

    String regionSql(String table) {
        return region.formatted(table);
    }

    void bindPixelHistory(PreparedStatement statement, int scaId, int row, int col) throws SQLException {
        bind(statement, pixelArgs, scaId, row, col);
    }

    void bindRegion(PreparedStatement statement, int productId, int row0, int row1, int col0, int col1)
            throws SQLException {
        bind(statement, regionArgs, productId, row0, row1, col0, col1);
    }

    private static void bind(PreparedStatement statement, int[] order, int... args) throws SQLException {
        for (int i = 0; i < order.length; i++) {
            statement.setInt(i + 1, args[order[i]]);
        }
    }
}
