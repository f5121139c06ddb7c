package org.miri.pixeldb.fits.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real JPL8 SUB64 exposure shared beside the project (never copied into it). Tests that need it skip themselves,
 * with a message, where it is absent.
 */
public final class SharedExposure {

    public static final String NAME = "MIRI_5582_89_S_20180308-010230_SCE1";
    public static final String JPL_RAW = NAME + ".fits";
    public static final String PIPE = NAME + "_pipe.fits";
    public static final String PIPE_RAMP = NAME + "_pipe_ramp.fits";
    public static final String PIPE_RATEINTS = NAME + "_pipe_rateints.fits";

    private static final String PROPERTY = "pixeldb.shared.data";
    private static final String FOLDER = "jpl8-sub64";

    private SharedExposure() {
    }

    /** The path of one shared file; skips the calling test when the shared data is not there. */
    public static Path file(String fileName) {
        String root = System.getProperty(PROPERTY);
        assumeTrue(root != null, "system property " + PROPERTY + " is not set: skipping the test on the real JPL8 "
                + "exposure");
        Path file = Path.of(root, FOLDER, fileName);
        assumeTrue(Files.isRegularFile(file), "shared data " + file + " is absent: skipping the test on the real "
                + "JPL8 exposure");
        return file;
    }
}
