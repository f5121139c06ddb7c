package org.miri.pixeldb.loader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.miri.pixeldb.loader.db.BinaryCopyEncoder;

/** Loads and queries one layout on a real PostgreSQL, then drops it. */
final class LayoutRun {

    static final int SCA = 493;
    static final int FULL_FRAME_PRODUCT = 100;
    private static final int PIXELS = 40;
    private static final int REGIONS = 20;
    private static final int REGION_SIZE = 32;

    private final Connection db;
    private final List<List<RowBlock>> subExposures;
    private final List<RowBlock> fullFrame;
    private final int nints;
    private final int ngroups;

    LayoutRun(Connection db, List<List<RowBlock>> subExposures, List<RowBlock> fullFrame, int nints, int ngroups) {
        this.db = db;
        this.subExposures = subExposures;
        this.fullFrame = fullFrame;
        this.nints = nints;
        this.ngroups = ngroups;
    }

    LayoutFigures measure(LayoutVariant variant) throws SQLException {
        String table = "layout_bench." + variant.name();
        execute("drop table if exists " + table + " cascade");
        for (String ddl : variant.ddl()) {
            execute(ddl);
        }
        execute("checkpoint");
        double[] loadMs = subExposures.stream().mapToDouble(blocks -> load(variant, blocks)).toArray();
        execute("vacuum analyze " + table);
        long[] sizes = sizes(table);
        double[] pixel = pixelHistory(variant, table);
        double region = regionRead(variant, table);
        double readMbPerS = exposureRead(table);
        execute("checkpoint");
        double fullMs = fullFrame.isEmpty() ? Double.NaN : load(variant, fullFrame);
        long[] after = sizes(table);
        execute("drop table " + table + " cascade");
        long subRamps = subExposures.get(0).stream().mapToLong(RowBlock::ramps).sum();
        long fullRamps = fullFrame.stream().mapToLong(RowBlock::ramps).sum();
        return new LayoutFigures(variant, median(loadMs), subRamps, subRamps * subExposures.size() * ngroups * 2,
                sizes[0], sizes[1], sizes[2], pixel[0], pixel[1], region, readMbPerS, fullMs / 1000,
                after[0] + after[1] + after[2] - sizes[0] - sizes[1] - sizes[2], fullRamps * ngroups * 2);
    }

    /** One exposure in one transaction, as a writer commits it; returns milliseconds including the commit. */
    private double load(LayoutVariant variant, List<RowBlock> blocks) {
        long start = System.nanoTime();
        try {
            db.setAutoCommit(false);
            BinaryCopyEncoder out = BinaryCopyEncoder.start(db, "copy layout_bench." + variant.name()
                    + " (" + variant.columns() + ") from stdin (format binary)");
            for (RowBlock block : blocks) {
                variant.encoder().encode(out, block);
            }
            out.finish();
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("loading " + variant.name() + ": " + e.getMessage(), e);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Heap, TOAST and index bytes, summed over the partitions of a partitioned table. */
    private long[] sizes(String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "with rels as (select '" + table + "'::regclass as relid union select relid from pg_partition_tree('"
                        + table + "')) select sum(pg_relation_size(c.oid)),"
                        + " sum(case when c.reltoastrelid = 0 then 0 else pg_total_relation_size(c.reltoastrelid) end),"
                        + " sum(pg_indexes_size(c.oid)) from rels join pg_class c on c.oid = rels.relid")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Median and worst latency of warm pixel-history lookups of random SUB256 pixels. */
    private double[] pixelHistory(LayoutVariant variant, String table) throws SQLException {
        Random random = new Random(42);
        double[] ms = new double[PIXELS];
        try (PreparedStatement query = db.prepareStatement(variant.queries().pixelHistorySql(variant.name()))) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < PIXELS; i++) {
                    RowBlock any = subExposures.get(0).get(0);
                    int row = 51 + random.nextInt(256);
                    int col = any.firstCol() + random.nextInt(any.cols());
                    variant.queries().bindPixelHistory(query, SCA, row, col);
                    long start = System.nanoTime();
                    long bytes = drain(query, variant.queries() == LayoutQueries.STRIP ? 3 : 2);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    assertEquals((long) subExposures.size() * nints * ngroups * 2, bytes, table + " pixel history");
                }
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {median(ms), sorted[sorted.length - 1]};
    }

    private double regionRead(LayoutVariant variant, String table) throws SQLException {
        Random random = new Random(7);
        double[] ms = new double[REGIONS];
        try (PreparedStatement query = db.prepareStatement(variant.queries().regionSql(variant.name()))) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < REGIONS; i++) {
                    int row0 = 51 + random.nextInt(256 - REGION_SIZE);
                    int col0 = 413 + random.nextInt(256 - REGION_SIZE);
                    variant.queries().bindRegion(query, 1 + random.nextInt(subExposures.size()), row0,
                            row0 + REGION_SIZE - 1, col0, col0 + REGION_SIZE - 1);
                    long start = System.nanoTime();
                    long bytes = drain(query, 3);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    assertEquals((long) REGION_SIZE * REGION_SIZE * nints * ngroups * 2, bytes, table + " region");
                }
            }
        }
        return median(ms);
    }

    /** Megabytes of samples per second when reading whole exposures. */
    private double exposureRead(String table) throws SQLException {
        long bytes = 0;
        long start = System.nanoTime();
        try (PreparedStatement query = db.prepareStatement("select samples from " + table + " where product_id = ?")) {
            for (int product = 1; product <= 3; product++) {
                query.setInt(1, product);
                bytes += drain(query, 1);
            }
        }
        return bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    private static long drain(PreparedStatement query, int samplesColumn) throws SQLException {
        long bytes = 0;
        try (ResultSet rs = query.executeQuery()) {
            boolean array = rs.getMetaData().getColumnType(samplesColumn) == Types.ARRAY;
            while (rs.next()) {
                // Arrays are decoded as a client would, and count as 2 bytes per sample like bytea.
                bytes += array ? 2L * java.lang.reflect.Array.getLength(rs.getArray(samplesColumn).getArray())
                        : rs.getBytes(samplesColumn).length;
            }
        }
        return bytes;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
