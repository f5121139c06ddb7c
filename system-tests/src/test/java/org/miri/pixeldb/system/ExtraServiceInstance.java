package org.miri.pixeldb.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.miri.pixeldb.platform.db.DatabaseLogin;
import org.miri.pixeldb.stack.Credentials;
import org.miri.pixeldb.stack.StackLayout;
import org.miri.pixeldb.testing.ListeningPorts;

/**
 * One more instance of a writer beside the ones the supervisor runs, started from its quarkus-run.jar with
 * the stack's endpoints (read from {@code ./pixeldb status}), as a deployment scales out. Not supervised:
 * a test starts it and ends it, so Kafka shares the partitions out and back again under the load.
 */
final class ExtraServiceInstance implements AutoCloseable {

    private static final Pattern CREDENTIALS = Pattern.compile("^(jdbc:[^?]+)\\?user=([^&]+)&password=(.+)$");

    private final Process process;
    private final int port;

    private ExtraServiceInstance(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ExtraServiceInstance start(String module, JsonNode status, Path log) throws IOException {
        Matcher jdbc = CREDENTIALS.matcher(status.path("jdbc").asText());
        if (!jdbc.matches()) {
            throw new IllegalStateException("unexpected JDBC URL form in ./pixeldb status");
        }
        int port = ListeningPorts.one();
        // A writer connects as the writers' login, as the stack's own do; its password is in the stack's credentials.
        Credentials credentials = Credentials.loadOrCreate(
                new StackLayout(Path.of(status.path("dataDir").asText())).credentials());
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "PIXELDB_KAFKA_BOOTSTRAP_SERVERS", status.path("kafka").asText(),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbc.group(1),
                "QUARKUS_DATASOURCE_USERNAME", DatabaseLogin.LOADER.user(),
                "QUARKUS_DATASOURCE_PASSWORD", credentials.loginPasswords().get(DatabaseLogin.LOADER)));
        Path jar = Path.of(System.getProperty("pixeldb.home")).resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ExtraServiceInstance(builder.start(), port);
    }

    boolean isReady() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM: Quarkus shuts down and the consumer leaves its group at once. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL: the instance leaves the group only when the broker's session timeout notices. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
