package org.miri.pixeldb.health;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real JPL8 SUB64 exposure shared beside the project (never copied into it): the folder named by the system
 * property {@code pixeldb.shared.data} (the root pom sets it for surefire), else {@code ../shared/data} relative to
 * the project root (the parent of this module's directory). Tests that need it skip themselves, with a message,
 * where it is absent.
 */
public final class SharedExposure {

    public static final String PIPE = "MIRI_5582_89_S_20180308-010230_SCE1_pipe.fits";

    private SharedExposure() {
    }

    public static Path file(String fileName) {
        String property = System.getProperty("pixeldb.shared.data");
        Path root = property != null && !property.isBlank()
                ? Path.of(property)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/data").normalize();
        Path file = root.resolve("jpl8-sub64").resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "shared data " + file + " is absent: skipping the test on the real JPL8 "
                + "SUB64 exposure (set -Dpixeldb.shared.data to its folder)");
        return file;
    }
}
