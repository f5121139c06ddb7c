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
 * number for all products together, and coarse for small exposures. {@link #ofProduct} is one product's
 * own bytes, summed over its rows in every table with a product_id column (the strips, the chunk ledger):
 * each value as stored ({@code pg_column_size}: compressed or TOASTed as it is), a tuple header and line
 * pointer per row, and per index of the table one entry per row (its key values, an index tuple header
 * and line pointer) at B-tree's 90 % fill. Unlike a share of each table's size by row count, it does not
 * grow with the space other products' deleted rows left behind (issue 13: 108x for a _ramp that costs
 * 1.16x). Alignment padding is left out: a few bytes a row.
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

    /** Tuple header (23 bytes, aligned to 24) and its line pointer (4). */
    static final int ROW_OVERHEAD = 28;
    /** Index tuple header (8) and its line pointer (4). */
    static final int INDEX_ENTRY_OVERHEAD = 12;
    static final double BTREE_FILL = 0.9;

    /** @return empty when the product is not in the database (rejected, or not loaded) */
    public Optional<Long> ofProduct(String exposure, String kind) throws SQLException {
        Optional<Integer> id = productId(exposure, kind);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        double bytes = 0;
        for (String table : productTables()) {
            List<List<String>> indexes = indexKeys(table);
            StringBuilder sql = new StringBuilder("select count(*), coalesce(sum(")
                    .append(sizes(columns(table))).append("), 0)");
            for (List<String> keys : indexes) {
                sql.append(", coalesce(sum(").append(sizes(keys)).append("), 0)");
            }
            // Table and column names come from the catalogue, quoted there, so they are safe to splice.
            sql.append(" from ").append(table).append(" where product_id = ?");
            try (PreparedStatement own = db.prepareStatement(sql.toString())) {
                own.setInt(1, id.get());
                try (ResultSet row = own.executeQuery()) {
                    row.next();
                    long rows = row.getLong(1);
                    bytes += row.getLong(2) + (double) rows * ROW_OVERHEAD;
                    for (int k = 0; k < indexes.size(); k++) {
                        bytes += (row.getLong(3 + k) + (double) rows * INDEX_ENTRY_OVERHEAD) / BTREE_FILL;
                    }
                }
            }
        }
        return Optional.of(Math.round(bytes));
    }

    private static String sizes(List<String> columns) {
        return String.join(" + ", columns.stream().map(c -> "coalesce(pg_column_size(" + c + "), 0)").toList());
    }

    private List<String> columns(String table) throws SQLException {
        return names("select quote_ident(attname) from pg_attribute where attrelid = ?::regclass and attnum > 0 "
                + "and not attisdropped order by attnum", table);
    }

    /** The key columns of each index of the table. */
    private List<List<String>> indexKeys(String table) throws SQLException {
        List<List<String>> indexes = new ArrayList<>();
        for (String index : names("select indexrelid::text from pg_index where indrelid = ?::regclass", table)) {
            indexes.add(names("select quote_ident(a.attname) from pg_index i join pg_attribute a on a.attrelid = "
                    + "i.indrelid and a.attnum = any(i.indkey) where i.indexrelid = ?::oid", index));
        }
        return indexes;
    }

    private List<String> names(String sql, String parameter) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
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
