package org.miri.pixeldb.system.faults;

/**
 * An order-independent digest of one table's content for one exposure: the number of rows and the sum
 * (mod 2^64) of a strong 64-bit hash per row over its key and every value. The files and the database
 * feed it in whatever order they read, and the two agree only when the same multiset of rows went in:
 * a changed value changes its row's hash, a missing row takes a term away, a doubled row adds one.
 */
public final class ContentDigest {

    private long rows;
    private long sum;

    /**
     * @param integration 0-based integration (0 where a table has none)
     * @param y row within the exposure's frame, 0-based
     * @param x column within the exposure's frame, 0-based
     * @param values the row's values as {@link #bits(float)} or plain integers, in column order
     */
    public void add(int integration, int y, int x, long[] values) {
        long h = mix(0x6A09E667F3BCC909L ^ integration);
        h = mix(h ^ y);
        h = mix(h ^ x);
        for (long value : values) {
            h = mix(h ^ value);
        }
        sum += mix(h ^ values.length);
        rows++;
    }

    /** Float values compare by bits, with every NaN as one NaN (JDBC's text form does not keep payloads). */
    public static long bits(float value) {
        return Float.floatToIntBits(value);
    }

    public long rows() {
        return rows;
    }

    public long sum() {
        return sum;
    }

    public boolean sameAs(ContentDigest other) {
        return rows == other.rows && sum == other.sum;
    }

    @Override
    public String toString() {
        return rows + " rows, checksum " + Long.toHexString(sum);
    }

    /** MurmurHash3's 64-bit finaliser after a multiply: every input bit reaches every output bit. */
    private static long mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85A53L;
        h ^= h >>> 33;
        return h;
    }
}
