package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.miri.pixeldb.platform.db.StripBudget;

/**
 * A table of strips: one row per product, integration (where the table has one) and run of consecutive
 * pixels of one detector row, with one packed {@code bytea} column per plane, in the chunk's byte order.
 * See decisions 0004, 0006 and 0029 for why; {@link StripBudget} sets how wide a strip may be.
 */
final class StripTable {

    static final StripTable RAW_SCIENCE = new StripTable("raw_ramp_strip", "raw ramps", true, "samples");
    static final StripTable RAW_REFOUT = new StripTable("refout_ramp_strip", "raw reference output", true, "samples");
    static final StripTable CORRECTED_SCIENCE = new StripTable("corrected_ramp_strip", "corrected ramps", true, "sci",
            "err", "groupdq");
    static final StripTable CORRECTED_REFOUT = new StripTable("corrected_refout_strip", "corrected reference output",
            true, "sci");
    static final StripTable PIXELDQ = new StripTable("pixeldq_strip", "PIXELDQ", false, "dq");
    static final StripTable SLOPES = new StripTable("slope_strip", "slopes", true, "sci", "err", "dq", "var_poisson",
            "var_rnoise");

    private final String copySql;
    private final String compareSql;
    private final String label;
    private final List<String> planes;
    private final boolean perIntegration;
    private final int fields;

    private StripTable(String table, String label, boolean perIntegration, String... planes) {
        this.label = label;
        this.planes = List.of(planes);
        this.perIntegration = perIntegration;
        this.fields = perIntegration ? 5 : 4; // product_id, [integration,] row, first_col, ncols
        this.copySql = "copy " + table + " (product_id, " + (perIntegration ? "integration, " : "")
                + "row, first_col, ncols, " + String.join(", ", planes) + ") from stdin (format binary)";
        this.compareSql = compareSql(table);
    }

    /**
     * The first detector row, by integration then row, where two versions' values differ, with both rows' planes.
     * A row's strips are joined in column order before they are compared, so versions cut into strips differently
     * (another chunk budget) still compare equal value for value.
     */
    private String compareSql(String table) {
        String integration = perIntegration ? "integration" : "0::smallint";
        String aggregates = planes.stream().map(p -> "string_agg(" + p + ", ''::bytea order by first_col) as " + p)
                .collect(Collectors.joining(", "));
        String rows = "select " + integration + " as integration, row, min(first_col) as first_col,"
                + " sum(ncols)::int as ncols, " + aggregates + " from " + table + " where product_id = ? group by row"
                + (perIntegration ? ", integration" : "");
        String candidate = planes.stream().map(p -> "c." + p).collect(Collectors.joining(", "));
        String loaded = planes.stream().map(p -> "l." + p).collect(Collectors.joining(", "));
        return "with c as (" + rows + "), l as (" + rows + ") select integration, row, c.first_col, c.ncols, l.first_col, "
                + planes.stream().map(p -> "c." + p + ", l." + p).collect(Collectors.joining(", "))
                + " from c full join l using (integration, row) where (c.first_col, c.ncols, " + candidate
                + ") is distinct from (l.first_col, l.ncols, " + loaded + ") order by integration, row limit 1";
    }

    /** Where the candidate version's values first differ from the loaded version's in this table; empty when nowhere. */
    Optional<StripDifference> firstDifference(Connection connection, int candidateId, int loadedId) throws SQLException {
        try (PreparedStatement compare = connection.prepareStatement(compareSql)) {
            compare.setInt(1, candidateId);
            compare.setInt(2, loadedId);
            try (ResultSet row = compare.executeQuery()) {
                return row.next() ? Optional.of(StripDifference.of(row, label, planes)) : Optional.empty();
            }
        }
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
        int width = Math.max(1, StripBudget.MAX_STRIP_BYTES / block.bytesPerPixel());
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
