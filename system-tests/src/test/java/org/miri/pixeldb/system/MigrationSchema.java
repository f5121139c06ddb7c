package org.miri.pixeldb.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The schema the Flyway migrations leave, read from their text in version order: tables (created and not dropped)
 * with their columns' types, key and unique columns and foreign-key targets, triggers and functions. Enough to check a
 * deployment's table placement against the migrations without a database; it knows the migrations' own layout (one
 * column or constraint per line, a table's body closed by a line `);`), not SQL at large.
 */
final class MigrationSchema {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^create table (\\w+) \\($");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)^drop table (\\w+);");
    private static final Pattern ADD_COLUMN_REFERENCES =
            Pattern.compile("(?i)^\\s*alter table (\\w+) add column (\\w+) .*\\breferences (\\w+)");
    private static final Pattern UNIQUE_INDEX = Pattern.compile("(?i)^create unique index (\\w+) on (\\w+) \\(([^)]*)\\)");
    private static final Pattern DROP_INDEX = Pattern.compile("(?i)^drop index (\\w+);");
    private static final Pattern TRIGGER = Pattern.compile("(?i)^create trigger (\\w+) .*\\bon (\\w+)");
    private static final Pattern DROP_TRIGGER = Pattern.compile("(?i)^drop trigger (\\w+) on \\w+;");
    private static final Pattern FUNCTION = Pattern.compile("(?i)^create (?:or replace )?function (\\w+)\\(");
    private static final Pattern DROP_FUNCTION = Pattern.compile("(?i)^drop function (\\w+)\\(");
    private static final Pattern KEY_CONSTRAINT =
            Pattern.compile("(?i)^(primary key|unique(?: nulls not distinct)?) \\(([^)]*)\\)");
    private static final Pattern COLUMN = Pattern.compile("(?i)^(\\w+)\\s+(\\w+)(.*)$");
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\breferences (\\w+)");
    private static final Set<String> NOT_COLUMNS = Set.of("primary", "unique", "check", "constraint", "foreign", "exclude");

    /**
     * A table: column types, its primary key (empty without one), the other column sets that must be unique (constraints
     * and unique indexes), foreign-key targets by column.
     */
    record Table(String name, Map<String, String> columnTypes, Set<String> primaryKey, List<Set<String>> uniqueKeys,
            Map<String, String> references) {
    }

    final Map<String, Table> tables = new LinkedHashMap<>();
    /** Trigger name to the table it is on. */
    final Map<String, String> triggers = new LinkedHashMap<>();
    final Set<String> functions = new LinkedHashSet<>();
    /** Unique index name to its table, so that a dropped index stops counting. */
    private final Map<String, String> uniqueIndexes = new LinkedHashMap<>();
    private final Map<String, Set<String>> uniqueIndexColumns = new LinkedHashMap<>();

    static Path directory() {
        return ComposeFile.home().resolve("platform/src/main/resources/db/migration");
    }

    static MigrationSchema read() throws IOException {
        MigrationSchema schema = new MigrationSchema();
        for (Path file : files()) {
            schema.apply(Files.readAllLines(file));
        }
        return schema;
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(directory())) {
            return listing.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(MigrationSchema::version)).toList();
        }
    }

    private static int version(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void apply(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            Matcher m;
            if ((m = CREATE_TABLE.matcher(line)).matches()) {
                List<String> body = new ArrayList<>();
                while (!lines.get(++i).trim().startsWith(");")) {
                    body.add(lines.get(i).trim());
                }
                tables.put(m.group(1), table(m.group(1), body));
            } else if ((m = DROP_TABLE.matcher(line)).find()) {
                tables.remove(m.group(1));
            } else if ((m = ADD_COLUMN_REFERENCES.matcher(line)).find()) {
                table(m.group(1)).references().put(m.group(2), m.group(3));
            } else if ((m = UNIQUE_INDEX.matcher(line)).find()) {
                Set<String> columns = columns(m.group(3));
                table(m.group(2)).uniqueKeys().add(columns);
                uniqueIndexes.put(m.group(1), m.group(2));
                uniqueIndexColumns.put(m.group(1), columns);
            } else if ((m = DROP_INDEX.matcher(line)).find() && uniqueIndexes.containsKey(m.group(1))) {
                table(uniqueIndexes.remove(m.group(1))).uniqueKeys().remove(uniqueIndexColumns.remove(m.group(1)));
            } else if ((m = TRIGGER.matcher(line)).find()) {
                triggers.put(m.group(1), m.group(2));
            } else if ((m = DROP_TRIGGER.matcher(line)).find()) {
                triggers.remove(m.group(1));
            } else if ((m = FUNCTION.matcher(line)).find()) {
                functions.add(m.group(1));
            } else if ((m = DROP_FUNCTION.matcher(line)).find()) {
                functions.remove(m.group(1));
            }
        }
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalStateException("a migration alters table " + name + ", which no earlier migration created");
        }
        return table;
    }

    private static Table table(String name, List<String> body) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> primaryKey = new LinkedHashSet<>();
        List<Set<String>> unique = new ArrayList<>();
        Map<String, String> references = new LinkedHashMap<>();
        for (String line : body) {
            Matcher key = KEY_CONSTRAINT.matcher(line);
            Matcher column = COLUMN.matcher(line);
            if (key.find()) {
                if (key.group(1).toLowerCase().startsWith("primary")) {
                    primaryKey.addAll(columns(key.group(2)));
                } else {
                    unique.add(columns(key.group(2)));
                }
            } else if (column.matches() && !NOT_COLUMNS.contains(column.group(1).toLowerCase())) {
                String rest = column.group(3).toLowerCase();
                types.put(column.group(1), column.group(2).toLowerCase());
                if (rest.contains("primary key")) {
                    primaryKey.add(column.group(1));
                } else if (rest.matches(".*\\bunique\\b.*")) {
                    unique.add(Set.of(column.group(1)));
                }
                Matcher target = REFERENCES.matcher(rest);
                if (target.find()) {
                    references.put(column.group(1), target.group(1));
                }
            }
        }
        return new Table(name, types, primaryKey, unique, references);
    }

    private static Set<String> columns(String list) {
        Set<String> columns = new LinkedHashSet<>();
        for (String column : list.split(",")) {
            columns.add(column.trim());
        }
        return columns;
    }
}
