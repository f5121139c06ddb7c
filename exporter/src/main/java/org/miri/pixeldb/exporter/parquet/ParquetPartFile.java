package org.miri.pixeldb.exporter.parquet;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One Parquet file being made (decision 0019): rows are appended to an in-memory DuckDB table, then DuckDB's Parquet
 * writer copies the table to the file with Zstandard, the row-group size given and the key-value metadata. One
 * instance per part and thread; DuckDB's memory is capped and spills to the work folder beyond it.
 */
public final class ParquetPartFile implements AutoCloseable {

    private static final String TABLE = "part";

    private final DuckDBConnection duck;
    private final DuckDBAppender appender;
    private final List<ExportColumn> columns;

    public ParquetPartFile(List<ExportColumn> columns, int ngroups, Path spillDir, String memoryLimit)
            throws SQLException {
        this.columns = columns;
        // The driver itself, not DriverManager: its registration depends on class loaders (Quarkus, surefire).
        this.duck = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement statement = duck.createStatement()) {
            // One thread per part: parallelism comes from parts, across exporter threads and instances.
            statement.execute("set threads = 1");
            statement.execute("set memory_limit = " + literal(memoryLimit));
            statement.execute("set temp_directory = " + literal(spillDir.toString()));
            statement.execute("create table " + TABLE + " (" + columns.stream().filter(c -> !c.constant())
                    .map(c -> c.name() + " " + c.stagedType(ngroups)).collect(Collectors.joining(", ")) + ")");
            this.appender = duck.createAppender(TABLE);
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
    }

    /** The appender: beginRow, one value per column that is not {@link ExportColumn#constant()}, in order, endRow. */
    public DuckDBAppender appender() {
        return appender;
    }

    public List<ExportColumn> columns() {
        return columns;
    }

    /**
     * Writes every appended row, in appending order, to {@code file}; returns the row count.
     *
     * @param constants the value of each constant column, as text (null for SQL null)
     */
    public long write(Path file, int rowGroupRows, Map<String, String> constants, Map<String, String> metadata)
            throws SQLException {
        appender.close();
        String select = columns.stream().map(c -> c.constant() ? constant(c, constants.get(c.name()))
                : c.selectExpression()).collect(Collectors.joining(", "));
        String kv = metadata.entrySet().stream().map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
                .collect(Collectors.joining(", "));
        try (Statement statement = duck.createStatement()) {
            statement.execute("copy (select " + select + " from " + TABLE + ") to " + literal(file.toString())
                    + " (format parquet, compression zstd, row_group_size " + rowGroupRows
                    + ", kv_metadata {" + kv + "})");
            try (var rows = statement.executeQuery("select count(*) from " + TABLE)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String constant(ExportColumn column, String value) {
        return (value == null ? "null" : literal(value)) + "::" + column.stored() + " as " + column.name();
    }

    /** A DuckDB string literal: standard SQL quoting, where only the quote itself needs doubling. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() throws SQLException {
        try (duck) {
            if (!appender.isClosed()) {
                appender.close();
            }
        }
    }
}
