package org.miri.pixeldb.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The checkout's {@code docker-compose.yml} as Docker Compose itself reads it: interpolated, defaults
 * applied, paths made absolute ({@code docker compose config}; the older {@code docker-compose config}
 * where only that is installed). No Docker engine is needed for that.
 */
final class ComposeFile {

    /** Values for the variables the file requires, so that it interpolates; none is a real secret. */
    static final Map<String, String> TEST_SECRETS = Map.ofEntries(
            Map.entry("PIXELDB_DB_SUPERUSER_PASSWORD", "compose-test-db-superuser"),
            Map.entry("PIXELDB_DB_OWNER_PASSWORD", "compose-test-db-owner"),
            Map.entry("PIXELDB_DB_LOADER_PASSWORD", "compose-test-db-loader"),
            Map.entry("PIXELDB_DB_API_PASSWORD", "compose-test-db-api"),
            Map.entry("PIXELDB_DB_API_WRITER_PASSWORD", "compose-test-db-api-writer"),
            Map.entry("PIXELDB_MINIO_ROOT_USER", "compose-test-admin"),
            Map.entry("PIXELDB_MINIO_ROOT_PASSWORD", "compose-test-admin-password"),
            Map.entry("PIXELDB_S3_ACCESS_KEY", "compose-test-splitter"),
            Map.entry("PIXELDB_S3_SECRET_KEY", "compose-test-splitter-secret"),
            Map.entry("PIXELDB_UPLOADER_ACCESS_KEY", "compose-test-uploader"),
            Map.entry("PIXELDB_UPLOADER_SECRET_KEY", "compose-test-uploader-secret"));

    /** The four services built from this checkout, each from its module of the same name. */
    static final List<String> SERVICES = List.of("fits-splitter", "ramp-writer", "corrected-writer", "query-api");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final JsonNode config;

    private ComposeFile(JsonNode config) {
        this.config = config;
    }

    static Path home() {
        return Path.of(System.getProperty("pixeldb.home", "..")).toAbsolutePath().normalize();
    }

    static Path path() {
        return home().resolve("docker-compose.yml");
    }

    /** The compose command of this machine, or empty with nothing to run it: the caller skips then. */
    static Optional<List<String>> command() throws InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (run(version, Map.of()).exitCode() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // not installed: try the next
            }
        }
        return Optional.empty();
    }

    static String absentMessage() {
        return "neither `docker compose` nor `docker-compose` is on the PATH: the compose file cannot be checked here; skipping";
    }

    /** The file as Compose interpolates it from exactly these variables (no .env, no shell environment). */
    static ComposeFile read(List<String> compose, Map<String, String> variables) throws IOException, InterruptedException {
        return read(compose, variables, List.of(path()));
    }

    /** Several files merged as `docker compose -f A -f B ...` merges them: a variant over the main file. */
    static ComposeFile read(List<String> compose, Map<String, String> variables, List<Path> files)
            throws IOException, InterruptedException {
        Result result = config(compose, variables, files);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("docker compose config failed (" + result.exitCode() + "):\n" + result.errors());
        }
        // Compose v2 prints JSON, the older one YAML; JSON is YAML too.
        return new ComposeFile(YAML.readTree(result.output()));
    }

    static Result config(List<String> compose, Map<String, String> variables) throws IOException, InterruptedException {
        return config(compose, variables, List.of(path()));
    }

    static Result config(List<String> compose, Map<String, String> variables, List<Path> files)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        // An empty env file: a developer's .env must not change what the test sees.
        Path noEnv = Files.createTempFile("pixeldb-compose", ".env");
        try {
            command.addAll(List.of("--env-file", noEnv.toString()));
            files.forEach(file -> command.addAll(List.of("-f", file.toString())));
            command.add("config");
            if (compose.size() == 2) {
                command.addAll(List.of("--format", "json"));
            }
            return run(command, variables);
        } finally {
            Files.deleteIfExists(noEnv);
        }
    }

    JsonNode service(String name) {
        JsonNode service = config.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        config.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The environment the container of a service gets, in the file's order. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isArray()) {
            // KEY=VALUE list form
            node.forEach(entry -> {
                String text = entry.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        } else {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return env;
    }

    /** A list-valued entry (entrypoint, command) as words; a plain string is one word. */
    List<String> words(String service, String field) {
        List<String> words = new ArrayList<>();
        JsonNode node = service(service).path(field);
        if (node.isArray()) {
            node.forEach(word -> words.add(word.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            words.add(node.asText());
        }
        return words;
    }

    record Result(int exitCode, String output, String errors) {
    }

    /** Runs with a clean environment: only what Docker's client needs to find itself, plus the variables. */
    private static Result run(List<String> command, Map<String, String> variables) throws IOException, InterruptedException {
        // Warnings go to stderr, apart from the configuration on stdout.
        Path errors = Files.createTempFile("pixeldb-compose", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> keep = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT")) {
            if (env.containsKey(name)) {
                keep.put(name, env.get(name));
            }
        }
        env.clear();
        env.putAll(keep);
        env.putAll(variables);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8), Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** A command or list setting's words, written as a list or as one string. */
    static List<String> wordsOf(JsonNode node) {
        List<String> words = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(w -> words.add(w.asText()));
        } else {
            words.add(node.asText());
        }
        return words;
    }
}
