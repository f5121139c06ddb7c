package org.miri.pixeldb.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.miri.pixeldb.testing.ListeningPorts;

/**
 * The {@code ./pixeldb} script of the checkout, run as a child process on a private data directory
 * and free ports, so that it never touches a stack the developer is running.
 */
final class PixelDbCli {

    record Result(int exitCode, String output) {
    }

    /**
     * Consecutive free ports a stack takes: the API, the four services (+1..+4), Kafka, its controller, PostgreSQL and
     * S3 (+5..+8), and a second and third exporter (+11, +12; see local-stack's {@code Service.port}).
     */
    static final int PORTS = 13;

    private final Path home = Path.of(System.getProperty("pixeldb.home")).toAbsolutePath();
    private final Map<String, String> environment;

    PixelDbCli() {
        this("stack-data");
    }

    /** @param dataDir the stack's data directory under {@code target/}, emptied first */
    PixelDbCli(String dataDir) {
        // The servers go above the services' api port + 1..4 (the exporter is + 4) and below further exporters' + 11...
        int base = ListeningPorts.block(PORTS);
        Path data = Path.of("target", dataDir).toAbsolutePath();
        deleteRecursively(data);
        environment = Map.of(
                "PIXELDB_DATA_DIR", data.toString(),
                "PIXELDB_API_PORT", String.valueOf(base),
                "PIXELDB_KAFKA_PORT", String.valueOf(base + 5),
                "PIXELDB_KAFKA_CONTROLLER_PORT", String.valueOf(base + 6),
                "PIXELDB_POSTGRES_PORT", String.valueOf(base + 7),
                "PIXELDB_S3_PORT", String.valueOf(base + 8));
    }

    String apiUrl() {
        return "http://127.0.0.1:" + environment.get("PIXELDB_API_PORT");
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("pixeldb").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./pixeldb " + String.join(" ", args) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        System.out.println("./pixeldb " + String.join(" ", args) + " -> " + process.exitValue() + "\n" + text);
        return new Result(process.exitValue(), text);
    }

    private static void deleteRecursively(Path dir) {
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
