package org.miri.pixeldb.stack;

import java.nio.file.Path;

/** Where things live under the data directory; nothing of the stack is written anywhere else. */
public record StackLayout(Path root) {

    /** @param dataDir the configured data directory, or null for {@code var/} in the project */
    public static StackLayout of(Path dataDir) {
        Path dir = dataDir != null ? dataDir : StackHome.root().resolve("var");
        return new StackLayout(dir.toAbsolutePath().normalize());
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path s3() {
        return root.resolve("s3");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path run() {
        return root.resolve("run");
    }

    /** Held by the running supervisor: a second {@code up} finds it taken. */
    public Path lock() {
        return run().resolve("stack.lock");
    }

    /** Endpoints and process ids of the running stack, for {@code status} and {@code down}. */
    public Path state() {
        return run().resolve("stack.json");
    }

    /**
     * Present while a restart of the named server ({@code kafka}, {@code postgres}) is asked for: written by
     * {@code ./pixeldb restart}, honoured and deleted by the supervisor, which alone holds the server.
     */
    public Path restartRequest(String server) {
        return run().resolve("restart-" + server);
    }

    /** Generated secrets, readable by the owner only. */
    public Path credentials() {
        return root.resolve("credentials.properties");
    }
}
