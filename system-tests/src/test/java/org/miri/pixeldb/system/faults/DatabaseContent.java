package org.miri.pixeldb.system.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The found side: one exposure's rows of a table as its decoding view returns them, digested the way
 * {@link FileContent} digests the files, with the keys seen more than once counted as duplicates.
 */
public final class DatabaseContent {

    /** @param duplicates rows whose key another row already had */
    public record Found(ContentDigest digest, long duplicates) {
    }

    private DatabaseContent() {
    }

    public static Found read(Connection db, String exposure, ContentTable table) throws Exception {
        ContentDigest digest = new ContentDigest();
        Set<Long> keys = new HashSet<>();
        long duplicates = 0;
        try (PreparedStatement query = db.prepareStatement(table.query())) {
            query.setString(1, exposure);
            query.setFetchSize(5000);
            try (ResultSet rows = query.executeQuery()) {
                int valueColumns = rows.getMetaData().getColumnCount() - 3;
                long[] values = null;
                while (rows.next()) {
                    int i = rows.getInt(1);
                    int y = rows.getInt(2);
                    int x = rows.getInt(3);
                    if (!keys.add(((long) i << 40) | ((long) y << 20) | x)) {
                        duplicates++;
                    }
                    long[] row = new long[0];
                    for (int c = 0; c < valueColumns; c++) {
                        row = append(row, rows.getObject(4 + c));
                    }
                    values = row;
                    digest.add(i, y, x, values);
                }
            }
        }
        return new Found(digest, duplicates);
    }

    private static long[] append(long[] values, Object column) throws Exception {
        Object[] items = column instanceof java.sql.Array array ? (Object[]) array.getArray() : new Object[] {column};
        long[] out = java.util.Arrays.copyOf(values, values.length + items.length);
        for (int k = 0; k < items.length; k++) {
            out[values.length + k] = asLong(items[k]);
        }
        return out;
    }

    private static long asLong(Object value) {
        if (value instanceof Float f) {
            return ContentDigest.bits(f);
        } else if (value instanceof Double d) {
            return ContentDigest.bits(d.floatValue());
        }
        return ((Number) value).longValue();
    }
}
