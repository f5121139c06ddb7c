package org.miri.pixeldb.health.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * Runs an evaluator over a made-up exposure, so that a service's first real exposure meets compiled code: the first
 * full frame after a start took 4.2 s in the rules against 1.2-2.4 s later (docs/performance.md, detector health),
 * and health is promised within 5 s of the last product loaded. A quarter frame a few times reaches the JIT's
 * thresholds in every loop the rules have; the exposure is lit and has jumps, so that every rule runs.
 */
public final class EvaluatorWarmUp {

    private static final int ROWS = 256;
    private static final int INTEGRATIONS = 5;

    private EvaluatorWarmUp() {
    }

    /** Evaluates the made-up exposure {@code rounds} times and returns the last result (for a test to look at). */
    public static ExposureHealth run(HealthEvaluator evaluator, int rounds) {
        ExposureSlopes exposure = exposure(new SplittableRandom(14));
        ExposureHealth health = null;
        for (int round = 0; round < rounds; round++) {
            health = evaluator.evaluate(exposure);
        }
        return health;
    }

    private static ExposureSlopes exposure(SplittableRandom random) {
        DetectorGrid grid = new DetectorGrid(1, 1, ROWS, FrameGeometry.COLUMNS);
        List<IntegrationSlopes> integrations = new ArrayList<>();
        for (int i = 0; i < INTEGRATIONS; i++) {
            float[] slopes = new float[grid.pixels()];
            for (int p = 0; p < slopes.length; p++) {
                // Every 97th pixel hot: a few flagged pixels per amplifier, as in real data.
                slopes[p] = (float) (100 + 5 * random.nextGaussian() + (p % 97 == 0 ? 200 : 0));
            }
            integrations.add(new IntegrationSlopes(slopes, new int[grid.pixels()]));
        }
        float[] jumps = new float[grid.pixels()];
        for (int p = 0; p < jumps.length; p++) {
            jumps[p] = random.nextInt(3) / 2f;
        }
        return ExposureSlopes.withJumps(grid, integrations, jumps);
    }
}
