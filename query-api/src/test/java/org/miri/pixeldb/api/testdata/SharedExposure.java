package org.miri.pixeldb.api.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The real JPL8 SUB64 exposure of the shared data folder (system property pixeldb.shared.data, default
 * ../shared/data): 5 integrations of 50 groups, 72 x 64 pixels from row 779, column 1. Tests that need it skip
 * themselves with a message when it is absent.
 */
public final class SharedExposure {

    public static final String NAME = "MIRI_5582_89_S_20180308-010230_SCE1";
    public static final String RAW = NAME + "_pipe.fits";
    public static final String RAMP = NAME + "_pipe_ramp.fits";
    public static final String RATEINTS = NAME + "_pipe_rateints.fits";

    private SharedExposure() {
    }

    public static Path file(String fileName) {
        Path file = Path.of(System.getProperty("pixeldb.shared.data", "../shared/data"), "jpl8-sub64", fileName);
        assumeTrue(Files.isRegularFile(file), "shared data " + file.toAbsolutePath() + " is absent: skipping the test"
                + " on the real JPL8 exposure");
        return file;
    }

    /** Loads the raw, corrected and rateints products under the exposure name {@code name}. */
    public static void load(DataSource db, String name) throws Exception {
        PipelineLoader.load(db, file(RAW), "jpl8/" + name + "_pipe.fits");
        PipelineLoader.load(db, file(RAMP), "jpl8/" + name + "_pipe_ramp.fits");
        PipelineLoader.load(db, file(RATEINTS), "jpl8/" + name + "_pipe_rateints.fits");
    }
}
