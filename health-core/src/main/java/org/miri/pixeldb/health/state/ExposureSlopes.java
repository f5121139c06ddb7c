package org.miri.pixeldb.health.state;

import java.util.List;
import java.util.Optional;

/**
 * What the rules need of one exposure: where its pixels are, the slopes and DQ of each integration (in integration
 * order, integration 1 first) and, when corrected ramps are loaded, each pixel's mean number of JUMP_DET groups per
 * integration ({@link JumpCounts}; NaN for a pixel without a value).
 */
public record ExposureSlopes(DetectorGrid grid, List<IntegrationSlopes> integrations, Optional<float[]> meanJumps) {

    public ExposureSlopes {
        integrations = List.copyOf(integrations);
        if (integrations.isEmpty()) {
            throw new IllegalArgumentException("an exposure needs at least one integration");
        }
        for (int i = 0; i < integrations.size(); i++) {
            if (integrations.get(i).pixels() != grid.pixels()) {
                throw new IllegalArgumentException("integration " + (i + 1) + " has " + integrations.get(i).pixels()
                        + " pixels, the " + grid.rows() + " x " + grid.cols() + " grid " + grid.pixels());
            }
        }
        if (meanJumps.isPresent() && meanJumps.get().length != grid.pixels()) {
            throw new IllegalArgumentException(meanJumps.get().length + " mean jump counts for " + grid.pixels()
                    + " pixels");
        }
    }

    /** Slopes only (no corrected ramps: JUMPY is not evaluated). */
    public static ExposureSlopes of(DetectorGrid grid, List<IntegrationSlopes> integrations) {
        return new ExposureSlopes(grid, integrations, Optional.empty());
    }

    /** Slopes and the mean JUMP_DET groups per integration of every pixel. */
    public static ExposureSlopes withJumps(DetectorGrid grid, List<IntegrationSlopes> integrations, float[] jumps) {
        return new ExposureSlopes(grid, integrations, Optional.of(jumps));
    }

    public int integrationCount() {
        return integrations.size();
    }
}
