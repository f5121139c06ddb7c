package org.miri.pixeldb.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lists of deploy/citus/distribute.sql (decision 0020) as the test reads them: where each table goes, in the
 * order it is placed, which functions go to every node, and the logins set to Citus's sequential mode.
 */
final class CitusPlacement {

    enum Kind { REFERENCE, DISTRIBUTED, LOCAL }

    /** A table's line: its kind, the distribution column and colocation anchor ("none" starts a group) when hashed. */
    record Line(int step, String table, Kind kind, String distributionColumn, String colocateWith) {
    }

    private static final Pattern TABLE_LINE = Pattern.compile(
            "^\\s*\\('(\\w+)',\\s*'(reference|distributed|local)',\\s*(null|'\\w+'),\\s*(null|'\\w+')\\)[,;]");
    private static final Pattern FUNCTION_LINE =
            Pattern.compile("^\\s*\\('(\\w+)\\(([^)]*)\\)',\\s*'(everywhere|local)'\\)[,;]");
    private static final Pattern SEQUENTIAL_LOGIN =
            Pattern.compile("(?m)^alter role (\\w+) set citus\\.multi_shard_modify_mode = 'sequential';");

    final Map<String, Line> tables = new LinkedHashMap<>();
    /** Function name to whether it is created on every node. */
    final Map<String, Boolean> functions = new LinkedHashMap<>();
    final Set<String> sequentialLogins = new LinkedHashSet<>();

    static Path path() {
        return ComposeFile.home().resolve("deploy/citus/distribute.sql");
    }

    static CitusPlacement read() throws IOException {
        CitusPlacement placement = new CitusPlacement();
        String sql = Files.readString(path());
        for (String line : sql.split("\n")) {
            Matcher m;
            if ((m = TABLE_LINE.matcher(line)).find()) {
                Line previous = placement.tables.put(m.group(1), new Line(placement.tables.size() + 1, m.group(1),
                        Kind.valueOf(m.group(2).toUpperCase()), unquote(m.group(3)), unquote(m.group(4))));
                if (previous != null) {
                    throw new IllegalStateException("distribute.sql places " + m.group(1) + " twice");
                }
            } else if ((m = FUNCTION_LINE.matcher(line)).find()) {
                placement.functions.put(m.group(1), m.group(3).equals("everywhere"));
            }
        }
        Matcher logins = SEQUENTIAL_LOGIN.matcher(sql);
        while (logins.find()) {
            placement.sequentialLogins.add(logins.group(1));
        }
        return placement;
    }

    Line line(String table) {
        return tables.get(table);
    }

    private static String unquote(String value) {
        return value.equals("null") ? null : value.substring(1, value.length() - 1);
    }
}
