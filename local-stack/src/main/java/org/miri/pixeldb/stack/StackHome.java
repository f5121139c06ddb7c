package org.miri.pixeldb.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project checkout the stack runs from: the {@code pixeldb} script passes it in. */
public final class StackHome {

    private StackHome() {
    }

    public static Path root() {
        String home = System.getProperty("pixeldb.home", System.getenv("PIXELDB_HOME"));
        return Path.of(home != null ? home : ".").toAbsolutePath().normalize();
    }

    /** The runnable artifact of a service module, as its Maven build leaves it. */
    public static Path serviceJar(String module) {
        Path jar = root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./pixeldb builds what is missing)");
        }
        return jar;
    }
}
