package org.miri.pixeldb.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's Configure table of the services, held against a {@code @ConfigMapping}: every key of the mapping has
 * a row (by its environment variable), with the mapping's default where it has one, and no row of the mapping's
 * prefix names a key the mapping does not have. So the table an operator reads cannot drift from the code.
 */
public final class ConfigurationTable {

    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private ConfigurationTable() {
    }

    public static void assertDocuments(Class<?> mapping) {
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        Map<String, String> rows = serviceRows();
        Map<String, Method> keys = new LinkedHashMap<>();
        for (Method method : mapping.getMethods()) {
            if (method.getParameterCount() == 0 && Modifier.isAbstract(method.getModifiers())) {
                keys.put(environmentName(prefix + "." + kebab(method.getName())), method);
            }
        }
        keys.forEach((variable, method) -> {
            String defaultCell = rows.get(variable);
            if (defaultCell == null) {
                throw new AssertionError("README.md, Configure, has no row for " + variable + " (" + mapping.getName()
                        + "." + method.getName() + ")");
            }
            WithDefault declared = method.getAnnotation(WithDefault.class);
            if (declared != null && !defaultCell.contains(declared.value())) {
                throw new AssertionError("README.md, Configure, gives " + variable + " the default '" + defaultCell
                        + "', the code " + declared.value());
            }
        });
        String own = environmentName(prefix) + "_";
        rows.keySet().stream().filter(v -> v.startsWith(own) && !keys.containsKey(v)).findFirst().ifPresent(v -> {
            throw new AssertionError("README.md, Configure, documents " + v + ", which " + mapping.getName() + " lacks");
        });
    }

    /** Variable to its default cell, from the services' table (the first table of section Configure). */
    static Map<String, String> serviceRows() {
        String readme = read(home().resolve("README.md"));
        int start = readme.indexOf("## Configure");
        String section = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("| --- |", start)));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !cells[1].contains("`")) {
                continue;
            }
            Matcher names = NAME.matcher(cells[1]);
            while (names.find()) {
                rows.put(names.group(1), cells[3].strip().replace("`", ""));
            }
        }
        return rows;
    }

    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Path home() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
