package org.miri.pixeldb.stack.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * async-profiler's native library, taken from its Maven artifact ({@code tools.profiler:async-profiler}, a dependency of
 * this module) rather than committed or installed: a JVM loads an agent only from a file, so it is copied out of the
 * jar on the classpath into the stack's data directory at every {@code up --profile}.
 */
public final class AgentLibrary {

    static final String FILE = "libasyncProfiler.so";

    private AgentLibrary() {
    }

    /** Copies the library for this machine's platform into {@code dir}; @return the copy */
    public static Path extract(Path dir) throws IOException {
        String resource = platformFolder(System.getProperty("os.name"), System.getProperty("os.arch")) + "/" + FILE;
        try (InputStream in = AgentLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("--profile: " + resource + " is not on the classpath; build local-stack"
                        + " (it depends on tools.profiler:async-profiler)");
            }
            Files.createDirectories(dir);
            Path library = dir.resolve(FILE);
            // A JVM still running from an earlier copy keeps its mapping: REPLACE_EXISTING makes a new file.
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            return library;
        }
    }

    /** The folder of the async-profiler jar holding the library for a platform (os.name, os.arch), e.g. linux-x64. */
    static String platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x64";
        }
        if (os.startsWith("linux") && (arch.equals("aarch64") || arch.equals("arm64"))) {
            return "linux-arm64";
        }
        if (os.startsWith("mac")) {
            return "macos";
        }
        throw new IllegalStateException("--profile: async-profiler has no library for " + osName + " on " + osArch
                + "; it runs on Linux (x64, arm64) and macOS");
    }
}
