package org.miri.pixeldb.loader.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.testdata.SyntheticRamps;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * Storage-layout measurements behind docs/decisions/0004-raw-ramp-storage.md. Not part of the normal
 * build; run it with
 * {@code ./mvnw -pl loader -am test -Dgroups=layout-benchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dlayout.variants=strip_external,ramp_bytea_e} picks layouts, {@code -Dlayout.fullFrame=false}
 * skips the full-frame loads, {@code -Dlayout.production=false} the run of the chosen layout through
 * the migrated schema and ChunkWriter.rawRamps(), {@code -Dlayout.productionExposures=332} loads that many
 * SUB256 exposures in it, as many as the JPL8 campaign has, for a realistic pixel history;
 * {@code -Dlayout.subExposures=64} sets how many SUB256 exposures each layout gets, default 8). Prints a table and writes it to {@code target/layout-benchmark.txt}.
 */
@Tag("layout-benchmark")
@ExtendWith(RealServersExtension.class)
class LayoutBenchmarkTest {

    private static final int SUB_EXPOSURES = Integer.getInteger("layout.subExposures", 8);
    private static final int NINTS = 5;
    private static final int NGROUPS = 20;

    @Test
    void measureLayouts(RealServers servers) throws SQLException, IOException, LoadException {
        List<List<RowBlock>> sub = new ArrayList<>();
        for (int p = 1; p <= SUB_EXPOSURES; p++) {
            sub.add(blocks(new SyntheticRamps(p), p, 51, 256, 413, 256, 32));
        }
        boolean full = Boolean.parseBoolean(System.getProperty("layout.fullFrame", "true"));
        List<RowBlock> fullFrame = full ? blocks(new SyntheticRamps(100), LayoutRun.FULL_FRAME_PRODUCT, 1, 1024, 1,
                1032, 16) : List.of();
        List<String> wanted = Arrays.asList(System.getProperty("layout.variants", "").split(","));
        List<String> lines = new ArrayList<>(List.of(LayoutFigures.HEADER));
        Properties login = new Properties();
        login.setProperty("user", servers.jdbcUser());
        login.setProperty("password", servers.jdbcPassword());
        // Binary results from the first execution on, as a long-running service gets them.
        login.setProperty("prepareThreshold", "-1");
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), login)) {
            prepare(db);
            LayoutRun run = new LayoutRun(db, sub, fullFrame, NINTS, NGROUPS);
            for (LayoutVariant variant : LayoutVariant.all()) {
                if (wanted.equals(List.of("")) || wanted.contains(variant.name())) {
                    String line = measure(run, variant);
                    System.out.println(line);
                    lines.add(line);
                }
            }
            if (Boolean.parseBoolean(System.getProperty("layout.production", "true"))) {
                Flyway.configure().dataSource(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword()).load()
                        .migrate();
                lines.add("");
                int exposures = Integer.getInteger("layout.productionExposures", SUB_EXPOSURES);
                lines.addAll(new ProductionLayoutRun(db).measure(exposures, full));
            }
        }
        String table = String.join("\n", lines);
        System.out.println("\nStorage layouts, " + SUB_EXPOSURES + " SUB256 exposures (256x256 x 5 x 20) + 1 full frame\n"
                + table);
        Files.writeString(Path.of("target", "layout-benchmark.txt"), table + "\n");
    }

    /** A layout this server cannot build (lz4 needs a server built with it) is reported, not fatal. */
    private static String measure(LayoutRun run, LayoutVariant variant) throws SQLException {
        try {
            return run.measure(variant).row();
        } catch (SQLException e) {
            if (!"0A000".equals(e.getSQLState())) {
                throw e;
            }
            return String.format("%-21s not supported by this server: %s", variant.name(),
                    e.getMessage().lines().findFirst().orElse("").trim());
        }
    }

    private static List<RowBlock> blocks(SyntheticRamps ramps, int product, int firstRow, int rows, int firstCol,
                                         int cols, int rowsPerBlock) {
        List<RowBlock> blocks = new ArrayList<>();
        for (int r = firstRow; r < firstRow + rows; r += rowsPerBlock) {
            blocks.add(RowBlock.generate(ramps, product, r, Math.min(rowsPerBlock, firstRow + rows - r), firstCol,
                    cols, NINTS, NGROUPS));
        }
        return blocks;
    }

    private static void prepare(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("drop schema if exists layout_bench cascade");
            s.execute("create schema layout_bench");
            s.execute("create table layout_bench.product (product_id int primary key, sca_id smallint not null,"
                    + " ngroups smallint not null)");
            s.execute("insert into layout_bench.product select p, " + LayoutRun.SCA + ", " + NGROUPS
                    + " from generate_series(1, " + SUB_EXPOSURES + ") p");
            s.execute("insert into layout_bench.product values (" + LayoutRun.FULL_FRAME_PRODUCT + ", 494, "
                    + NGROUPS + ")");
            s.execute("analyze layout_bench.product");
            s.execute("select version()");
        }
    }
}
