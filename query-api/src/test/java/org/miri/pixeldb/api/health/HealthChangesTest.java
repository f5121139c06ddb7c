package org.miri.pixeldb.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServers;

/**
 * The changes query against a brute-force reading of its definition, on random series whose grids overlap in part,
 * nest, tie on DATE-OBS and mix readout patterns: per pixel of an exposure's grid, the previous exposure is the latest
 * earlier evaluated one of the same detector and pattern holding that pixel. Runs the query on its own schema holding
 * only the columns it reads, so that random series need no FITS files.
 */
class HealthChangesTest {

    private static final String SCHEMA = "health_changes_test";
    private static final List<List<String>> STATES = List.of(List.of("HOT"), List.of("WARM"), List.of("DEAD"),
            List.of("HOT", "NOISY"));

    record Exposure(int id, String name, String readpatt, Instant dateObs, int row0, int col0, int rows, int cols,
                    boolean evaluated, Map<List<Integer>, List<String>> flagged) {
        boolean holds(int row, int col) {
            return row >= row0 && row < row0 + rows && col >= col0 && col < col0 + cols;
        }

        boolean before(Exposure other) {
            int byDate = dateObs.compareTo(other.dateObs);
            return byDate < 0 || byDate == 0 && name.compareTo(other.name) < 0;
        }
    }

    @Test
    void theChangesAreThoseOfTheLatestEarlierExposureHoldingEachPixel() throws Exception {
        try (Connection c = RealServers.shared().superuserDataSource().getConnection()) {
            for (long seed = 1; seed <= 6; seed++) {
                List<Exposure> series = series(new Random(seed));
                load(c, series);
                int changes = 0;
                for (Exposure e : series) {
                    List<String> expected = expected(series, e);
                    List<String> actual = HealthChanges.of(c, e.name()).stream().map(ch -> line(ch.getRow(),
                            ch.getCol(), ch.getPreviousExposure(), ch.getStates(), ch.getPreviousStates())).toList();
                    assertEquals(expected, actual, "seed " + seed + ", exposure " + e.name());
                    changes += actual.size();
                }
                assertTrue(changes > 100, "the series has changes to compare: " + changes);
            }
            try (Statement s = c.createStatement()) {
                s.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    private static List<Exposure> series(Random random) {
        List<Exposure> series = new ArrayList<>();
        Instant day = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 14; i++) {
            int rows = 4 + random.nextInt(9);
            int cols = 4 + random.nextInt(9);
            int row0 = 1 + random.nextInt(8);
            int col0 = 1 + random.nextInt(8);
            Map<List<Integer>, List<String>> flagged = new TreeMap<>(Comparator.comparing((List<Integer> p) -> p.get(0))
                    .thenComparing(p -> p.get(1)));
            for (int n = random.nextInt(rows * cols / 2); n > 0; n--) {
                flagged.put(List.of(row0 + random.nextInt(rows), col0 + random.nextInt(cols)),
                        STATES.get(random.nextInt(STATES.size())));
            }
            Instant dateObs = day.plusSeconds(3600L * random.nextInt(10)); // ties on DATE-OBS are ordered by name
            series.add(new Exposure(i, "E" + (char) ('A' + random.nextInt(26)) + i, random.nextInt(5) == 0 ? null
                    : "FAST", dateObs, row0, col0, rows, cols, random.nextInt(8) != 0, flagged));
        }
        return series;
    }

    private static List<String> expected(List<Exposure> series, Exposure e) {
        List<String> lines = new ArrayList<>();
        if (!e.evaluated()) {
            return lines;
        }
        for (int row = e.row0(); row < e.row0() + e.rows(); row++) {
            for (int col = e.col0(); col < e.col0() + e.cols(); col++) {
                Exposure previous = null;
                for (Exposure x : series) {
                    if (x.evaluated() && Objects.equals(x.readpatt(), e.readpatt()) && x.before(e) && x.holds(row, col)
                            && (previous == null || previous.before(x))) {
                        previous = x;
                    }
                }
                List<String> now = e.flagged().getOrDefault(List.of(row, col), List.of());
                List<String> then = previous == null ? List.of()
                        : previous.flagged().getOrDefault(List.of(row, col), List.of());
                if (!now.equals(then)) {
                    lines.add(line(row, col, previous == null ? null : previous.name(), now, then));
                }
            }
        }
        return lines;
    }

    private static String line(int row, int col, String previous, List<String> states, List<String> previousStates) {
        return row + "/" + col + " " + previous + " " + previousStates + " -> " + states;
    }

    private static void load(Connection c, List<Exposure> series) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            s.execute("set search_path = " + SCHEMA);
            s.execute("create table detector (sca_id smallint primary key, name text)");
            s.execute("insert into detector values (493, 'MIRIMAGE')");
            s.execute("create table exposure (id integer primary key, name text unique, sca_id smallint,"
                    + " readpatt text, date_obs timestamptz, substrt1 integer, substrt2 integer, subsize1 integer,"
                    + " subsize2 integer)");
            s.execute("create table exposure_health (exposure_id integer primary key, evaluated_at timestamptz)");
            s.execute("create table pixel_health (exposure_id integer, row smallint, col smallint, states text[],"
                    + " primary key (exposure_id, row, col))");
        }
        try (PreparedStatement exposure = c.prepareStatement("insert into exposure values (?, ?, 493, ?, ?, ?, ?, ?, ?)");
             PreparedStatement health = c.prepareStatement("insert into exposure_health values (?, now())");
             PreparedStatement pixel = c.prepareStatement("insert into pixel_health values (?, ?, ?, ?)")) {
            for (Exposure e : series) {
                exposure.setInt(1, e.id());
                exposure.setString(2, e.name());
                exposure.setString(3, e.readpatt());
                exposure.setTimestamp(4, Timestamp.from(e.dateObs()));
                exposure.setInt(5, e.col0());
                exposure.setInt(6, e.row0());
                exposure.setInt(7, e.cols());
                exposure.setInt(8, e.rows());
                exposure.executeUpdate();
                if (e.evaluated()) {
                    health.setInt(1, e.id());
                    health.executeUpdate();
                    for (Map.Entry<List<Integer>, List<String>> p : e.flagged().entrySet()) {
                        pixel.setInt(1, e.id());
                        pixel.setInt(2, p.getKey().get(0));
                        pixel.setInt(3, p.getKey().get(1));
                        pixel.setArray(4, c.createArrayOf("text", p.getValue().toArray()));
                        pixel.executeUpdate();
                    }
                }
            }
        }
    }
}
