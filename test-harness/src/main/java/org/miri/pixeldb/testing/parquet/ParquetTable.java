package org.miri.pixeldb.testing.parquet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A whole Parquet file read with parquet-java, the reference implementation, so that what the exporter's DuckDB wrote
 * is checked by a second, independent reader. Meant for test-sized files. Values: unsigned 8 and 16-bit as Integer,
 * unsigned 32-bit as Long, timestamps as Instant, lists as List, null as null, NaN as NaN.
 */
public final class ParquetTable {

    /** A column's physical type and logical annotation; a list's reads "LIST<element annotation>". */
    public record Column(String name, String physicalType, String logicalType) {
    }

    private final Map<String, String> metadata;
    private final List<Column> columns;
    private final List<Map<String, Object>> rows;

    private ParquetTable(Map<String, String> metadata, List<Column> columns, List<Map<String, Object>> rows) {
        this.metadata = metadata;
        this.columns = columns;
        this.rows = rows;
    }

    public static ParquetTable read(Path file) throws IOException {
        // The builder always makes parquet-java's Hadoop codec factory: hence Hadoop's shaded jars at test scope.
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(file), options)) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            MessageType schema = meta.getSchema();
            List<Column> columns = schema.getFields().stream().map(ParquetTable::describe).toList();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<Map<String, Object>> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(struct(records.read()));
                }
            }
            // Not Map.copyOf: a key-value entry may carry no value.
            return new ParquetTable(Collections.unmodifiableMap(new LinkedHashMap<>(meta.getKeyValueMetaData())),
                    columns, rows);
        }
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Every row, column name to value, in file order. */
    public List<Map<String, Object>> rows() {
        return rows;
    }

    private static Column describe(Type type) {
        if (type.isPrimitive()) {
            return new Column(type.getName(), type.asPrimitiveType().getPrimitiveTypeName().name(),
                    Objects.toString(type.getLogicalTypeAnnotation(), null));
        }
        if (type.getLogicalTypeAnnotation() instanceof ListLogicalTypeAnnotation) {
            Type element = type.asGroupType().getType(0);
            if (!element.isPrimitive() && element.asGroupType().getFieldCount() == 1) {
                element = element.asGroupType().getType(0);
            }
            Column inner = describe(element);
            return new Column(type.getName(), inner.physicalType(), "LIST<" + inner.logicalType() + ">");
        }
        return new Column(type.getName(), "GROUP", Objects.toString(type.getLogicalTypeAnnotation(), null));
    }

    private static Map<String, Object> struct(Group group) {
        Map<String, Object> row = new LinkedHashMap<>();
        GroupType type = group.getType();
        for (int f = 0; f < type.getFieldCount(); f++) {
            row.put(type.getFieldName(f), group.getFieldRepetitionCount(f) == 0 ? null : value(group, f, 0));
        }
        return row;
    }

    private static List<Object> list(Group list) {
        List<Object> values = new ArrayList<>();
        Type repeated = list.getType().getType(0);
        // The standard three-level list (repeated group { optional element }); else the legacy two-level one.
        boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1;
        for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
            if (!threeLevel) {
                values.add(value(list, 0, i));
                continue;
            }
            Group element = list.getGroup(0, i);
            values.add(element.getFieldRepetitionCount(0) == 0 ? null : value(element, 0, 0));
        }
        return values;
    }

    private static Object value(Group group, int field, int index) {
        Type type = group.getType().getType(field);
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (!type.isPrimitive()) {
            return logical instanceof ListLogicalTypeAnnotation ? list(group.getGroup(field, index))
                    : struct(group.getGroup(field, index));
        }
        return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
            case INT32 -> {
                int v = group.getInteger(field, index);
                // Unsigned values ride in a signed INT32.
                if (logical instanceof IntLogicalTypeAnnotation annotation && !annotation.isSigned()) {
                    yield annotation.getBitWidth() == 32 ? (Object) Integer.toUnsignedLong(v)
                            : (Object) (v & (annotation.getBitWidth() == 8 ? 0xFF : 0xFFFF));
                }
                yield v;
            }
            case INT64 -> {
                long v = group.getLong(field, index);
                yield logical instanceof TimestampLogicalTypeAnnotation ts ? instant(v, ts.getUnit()) : (Object) v;
            }
            case FLOAT -> group.getFloat(field, index);
            case DOUBLE -> group.getDouble(field, index);
            case BOOLEAN -> group.getBoolean(field, index);
            default -> logical instanceof StringLogicalTypeAnnotation ? group.getString(field, index)
                    : group.getBinary(field, index).getBytes();
        };
    }

    private static Instant instant(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
    }
}
