package org.miri.pixeldb.system.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/** Per fault kind: the trials run and what their verifications counted, printed as the suite's result table. */
public final class FaultLedger {

    /** @param checksumMismatches exposure tables whose digest differed from the files' */
    public record Line(int trials, long expected, long found, long duplicates, long missing, long checksumMismatches) {
        Line plus(Line other) {
            return new Line(trials + other.trials, expected + other.expected, found + other.found,
                    duplicates + other.duplicates, missing + other.missing, checksumMismatches + other.checksumMismatches);
        }
    }

    private final Map<String, Line> lines = new LinkedHashMap<>();

    public synchronized void record(String kind, Line trial) {
        lines.merge(kind, trial, Line::plus);
    }

    public synchronized Line total() {
        return lines.values().stream().reduce(new Line(0, 0, 0, 0, 0, 0), Line::plus);
    }

    public synchronized Map<String, Line> lines() {
        return Map.copyOf(lines);
    }

    public synchronized String table() {
        StringBuilder out = new StringBuilder(String.format("%-26s %6s %14s %14s %10s %8s %9s%n", "fault kind", "trials",
                "rows expected", "rows found", "duplicates", "missing", "checksums"));
        lines.forEach((kind, line) -> out.append(row(kind, line)));
        out.append(row("total", total()));
        return out.toString();
    }

    private static String row(String kind, Line line) {
        return String.format("%-26s %6d %14d %14d %10d %8d %9s%n", kind, line.trials, line.expected, line.found,
                line.duplicates, line.missing, line.checksumMismatches == 0 ? "equal" : line.checksumMismatches + " differ");
    }
}
