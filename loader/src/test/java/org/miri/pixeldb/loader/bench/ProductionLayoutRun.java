package org.miri.pixeldb.loader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.miri.pixeldb.loader.db.ExposureTable;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.loader.testdata.SyntheticProduct;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * The chosen layout end to end: the Flyway schema, ChunkWriter committing every 64 chunks as a
 * consumer would, science and reference-output ramps, and queries through the user-facing view.
 */
final class ProductionLayoutRun {

    private static final int CHUNKS_PER_TRANSACTION = 64;
    private static final String TABLES = "select sum(pg_total_relation_size(t)) from unnest(array["
            + "'raw_ramp_strip', 'refout_ramp_strip', 'chunk_ledger']::regclass[]) t";

    private final Connection db;

    ProductionLayoutRun(Connection db) {
        this.db = db;
    }

    List<String> measure(int subExposures, boolean fullFrame) throws SQLException, LoadException {
        double[] subSeconds = new double[subExposures];
        for (int i = 0; i < subExposures; i++) {
            subSeconds[i] = load(SyntheticProduct.sub256("bench-sub256-" + (i + 1), i + 1));
        }
        execute("vacuum analyze");
        long before = size();
        double[] pixel = pixelHistory(subExposures);
        double region = regionRead(subExposures);
        String plan = explain();
        double fullSeconds = fullFrame ? load(new SyntheticProduct("bench-full", 494, "FULL", 1, 1, 1032, 1024, 5,
                20, 16, new SyntheticRamps(100))) : Double.NaN;
        long fullBytes = size() - before;
        Arrays.sort(subSeconds);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-24s %8s %7s %8s %7s %13s %14s", "production, " + subExposures + " SUB256",
                "SUB256 s", "FF s", "FF MB", "x FITS", "view pixel ms", "view region ms"));
        lines.add(String.format("%-24s %8.3f %7.1f %8.1f %7.2f %6.2f/%6.2f %14.2f", "strips via ChunkWriter",
                subSeconds[subExposures / 2], fullSeconds, fullBytes / 1e6, fullBytes / 264.2e6, pixel[0], pixel[1],
                region));
        lines.add("plan of a pixel history through raw_ramp_v:");
        lines.add(plan);
        return lines;
    }

    /** Seconds to register and load one product, chunks generated beforehand. */
    private double load(SyntheticProduct product) throws SQLException, LoadException {
        List<RawRampChunk> chunks = product.chunks(0, product.chunkCount());
        ChunkWriter<RawRampChunk> writer = ChunkWriter.rawRamps();
        long start = System.nanoTime();
        new ExposureTable().upsert(db, product.exposure());
        db.setAutoCommit(false);
        for (int from = 0; from < chunks.size(); from += CHUNKS_PER_TRANSACTION) {
            writer.write(db, chunks.subList(from, Math.min(chunks.size(), from + CHUNKS_PER_TRANSACTION)));
            db.commit();
        }
        db.setAutoCommit(true);
        return (System.nanoTime() - start) / 1e9;
    }

    private double[] pixelHistory(int exposures) throws SQLException {
        Random random = new Random(42);
        double[] ms = new double[40];
        try (PreparedStatement query = db.prepareStatement(
                "select integration, samples from raw_ramp_v where sca_id = 493 and row = ? and col = ?")) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < ms.length; i++) {
                    query.setInt(1, 51 + random.nextInt(256));
                    query.setInt(2, 413 + random.nextInt(256));
                    long start = System.nanoTime();
                    assertEquals(exposures * 5, rows(query, 2));
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2], sorted[sorted.length - 1]};
    }

    private double regionRead(int exposures) throws SQLException {
        Random random = new Random(7);
        double[] ms = new double[20];
        try (PreparedStatement query = db.prepareStatement("select integration, row, col, samples from raw_ramp_v"
                + " where exposure = ? and row between ? and ? and col between ? and ?")) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < ms.length; i++) {
                    int row0 = 51 + random.nextInt(224);
                    int col0 = 413 + random.nextInt(224);
                    query.setString(1, "bench-sub256-" + (1 + random.nextInt(exposures)));
                    int[] bounds = {row0, row0 + 31, col0, col0 + 31};
                    for (int b = 0; b < 4; b++) {
                        query.setInt(b + 2, bounds[b]);
                    }
                    long start = System.nanoTime();
                    assertEquals(32 * 32 * 5, rows(query, 4));
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private String explain() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("explain (analyze, costs off)"
                + " select integration, samples from raw_ramp_v where sca_id = 493 and row = 100 and col = 500")) {
            while (rs.next()) {
                plan.append("  ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Rows of the result, each ramp decoded into an array as a client would. */
    private static int rows(PreparedStatement query, int samplesColumn) throws SQLException {
        int rows = 0;
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rs.getArray(samplesColumn).getArray();
                rows++;
            }
        }
        return rows;
    }

    private long size() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
