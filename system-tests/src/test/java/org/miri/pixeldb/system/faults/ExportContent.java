package org.miri.pixeldb.system.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.testing.parquet.ParquetTable;

/**
 * What an export file holds, order-independently: its rows' {@link ContentDigest} over the key (integration, row,
 * column) and every other value (lists element by element, floats by bits), and how often each key occurs, so that a
 * file written again after a kill is compared with the clean run's: the same multiset of rows, none doubled or lost.
 */
public final class ExportContent {

    private final ContentDigest digest;
    private final Map<List<Integer>, Integer> keys;

    private ExportContent(ContentDigest digest, Map<List<Integer>, Integer> keys) {
        this.digest = digest;
        this.keys = keys;
    }

    public static ExportContent read(Path file) throws IOException {
        ContentDigest digest = new ContentDigest();
        Map<List<Integer>, Integer> keys = new HashMap<>();
        for (Map<String, Object> row : ParquetTable.read(file).rows()) {
            int integration = row.get("integration") == null ? 0 : (Integer) row.get("integration");
            int y = (Integer) row.get("row");
            int x = (Integer) row.get("col");
            List<Long> values = new ArrayList<>();
            row.forEach((column, value) -> {
                if (!column.equals("integration") && !column.equals("row") && !column.equals("col")) {
                    add(values, value);
                }
            });
            digest.add(integration, y, x, values.stream().mapToLong(Long::longValue).toArray());
            keys.merge(List.of(integration, y, x), 1, Integer::sum);
        }
        return new ExportContent(digest, keys);
    }

    private static void add(List<Long> values, Object value) {
        if (value == null) {
            values.add(0x5EED_0000_0000_0001L);          // null, unlike any value of a column
        } else if (value instanceof List<?> list) {
            values.add((long) list.size());
            list.forEach(element -> add(values, element));
        } else if (value instanceof Float f) {
            values.add(ContentDigest.bits(f));
        } else if (value instanceof Double d) {
            values.add(Double.doubleToLongBits(d));
        } else if (value instanceof Number n) {
            values.add(n.longValue());
        } else if (value instanceof Instant t) {
            values.add(t.getEpochSecond() * 1_000_000_000L + t.getNano());
        } else {
            values.add((long) value.toString().hashCode());
        }
    }

    public ContentDigest digest() {
        return digest;
    }

    public long rows() {
        return digest.rows();
    }

    /** Rows beyond the first of their key. */
    public long duplicates() {
        return digest.rows() - keys.size();
    }

    /** Keys of {@code clean} this file lacks. */
    public long missingAgainst(ExportContent clean) {
        return clean.keys.keySet().stream().filter(key -> !keys.containsKey(key)).count();
    }

    public boolean sameAs(ExportContent other) {
        return digest.sameAs(other.digest);
    }
}
