package org.miri.pixeldb.stack.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a benchmark's products cost in the database, measured two ways. {@link #total()} is the growth
 * of pg_database_size: honest about everything (indexes, TOAST, ledgers, free space in pages) but one
 * number for all products together, and coarse for small exposures. {@link #ofProduct} splits it: for
 * every table with a product_id column (the raw strips, corrected_ramp_strip, corrected_refout_strip,
 * pixeldq_strip, slope_strip, the chunk ledger), the
 * table's total size (heap, TOAST, indexes) times the share of its rows that are the product's. Rows
 * of one table are strips of similar width, so that share is a close estimate, not an exact count.
 */
public final class DatabaseBytes {

    private static final String PRODUCT_TABLES = "select c.oid::regclass::text from pg_class c join pg_attribute a "
            + "on a.attrelid = c.oid where a.attname = 'product_id' and not a.attisdropped and c.relkind = 'r' "
            + "and c.relnamespace = current_schema()::regnamespace order by 1";
    private static final String PRODUCT_ID = "select p.id from product p join exposure e on e.id = p.exposure_id "
            + "where e.name = ? and p.kind = ?";

    private final Connection db;

    public DatabaseBytes(Connection db) {
        this.db = db;
    }

    public long total() throws SQLException {
        return single("select pg_database_size(current_database())");
    }

    /** @return empty when the product is not in the database (rejected, or not loaded) */
    public Optional<Long> ofProduct(String exposure, String kind) throws SQLException {
        Optional<Integer> id = productId(exposure, kind);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        double bytes = 0;
        for (String table : productTables()) {
            // The table name comes from the catalogue as a quoted regclass, so it is safe to splice.
            try (PreparedStatement share = db.prepareStatement("select count(*) filter (where product_id = ?), "
                    + "count(*), pg_total_relation_size('" + table.replace("'", "''") + "') from " + table)) {
                share.setInt(1, id.get());
                try (ResultSet row = share.executeQuery()) {
                    row.next();
                    bytes += row.getLong(2) == 0 ? 0 : (double) row.getLong(3) * row.getLong(1) / row.getLong(2);
                }
            }
        }
        return Optional.of(Math.round(bytes));
    }

    private Optional<Integer> productId(String exposure, String kind) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(PRODUCT_ID)) {
            query.setString(1, exposure);
            query.setString(2, kind);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    private List<String> productTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(PRODUCT_TABLES)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private long single(String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
