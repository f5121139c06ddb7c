package org.miri.pixeldb.health.state;

import org.miri.pixeldb.model.FrameGeometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.miri.pixeldb.health.stats.ClippedStats;
import org.miri.pixeldb.health.stats.SigmaClipper;

/**
 * The pixel states of one exposure (issue 14, item 2): per integration and amplifier the clipped m, s of the
 * considered slopes; per pixel HOT, WARM and DEAD from its integrations ({@link IntensityRules}), NOISY from the
 * spread of its slopes ({@link NoiseRule}) and JUMPY from its jump counts ({@link JumpRule}), both against the
 * clipped statistics of that quantity over its amplifier. Stateless apart from its settings; thread-safe.
 */
public final class HealthEvaluator {

    // Pixels per parallel task: a full frame makes 16 tasks.
    private static final int BLOCK = 1 << 16;

    private final HealthThresholds thresholds;
    private final SigmaClipper clipper;
    private final IntensityRules intensity;
    private final NoiseRule noiseRule;

    public HealthEvaluator(HealthThresholds thresholds) {
        this.thresholds = thresholds;
        this.clipper = new SigmaClipper(thresholds.clip());
        this.intensity = new IntensityRules(thresholds);
        this.noiseRule = new NoiseRule(thresholds);
    }

    public ExposureHealth evaluate(ExposureSlopes exposure) {
        DetectorGrid grid = exposure.grid();
        int nints = exposure.integrationCount();
        double[][] kept = ConsideredSlopes.of(exposure, thresholds);
        AmplifierStatistics amplifiers = new AmplifierStatistics(grid, clipper);
        // Integrations, and below blocks of pixels, on the common pool: each writes only its own slots, so the
        // result is the same as in one thread; a full frame's health is due seconds after its last product loads.
        ClippedStats[][] baselines = new ClippedStats[nints][];
        IntStream.range(0, nints).parallel().forEach(i -> baselines[i] = amplifiers.byAmplifier(kept[i]));
        PixelTable table = new PixelTable(grid.pixels());
        int blocks = (grid.pixels() + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> tally(exposure, kept, baselines, amplifiers, table,
                b * BLOCK, Math.min(grid.pixels(), (b + 1) * BLOCK)));
        boolean judgeNoise = noiseRule.applies(nints);
        ClippedStats[] noise = judgeNoise ? amplifiers.byAmplifier(table.noise()) : empty();
        ClippedStats[] jumps = exposure.meanJumps().isPresent() ? amplifiers.byAmplifier(table.meanJumps()) : empty();
        new StateAssignment(thresholds, amplifiers, noise, jumps).assign(table);
        List<AmplifierSpread> spreads = new ArrayList<>();
        for (int a = 0; a < FrameGeometry.AMPLIFIERS; a++) {
            spreads.add(new AmplifierSpread(a + 1, noise[a], jumps[a]));
        }
        return new ExposureHealth(grid, nints, table, StateCounts.of(kept, baselines, amplifiers, table), spreads);
    }

    /** The intensity tally, noise and mean jumps of pixels {@code from} to {@code to} (exclusive). */
    private void tally(ExposureSlopes exposure, double[][] kept, ClippedStats[][] baselines,
            AmplifierStatistics amplifiers, PixelTable table, int from, int to) {
        int nints = kept.length;
        boolean judgeNoise = noiseRule.applies(nints);
        double[] slopes = new double[nints];
        ClippedStats[] own = new ClippedStats[nints];
        for (int p = from; p < to; p++) {
            for (int i = 0; i < nints; i++) {
                slopes[i] = kept[i][p];
                own[i] = baselines[i][amplifiers.amplifier(p) - 1];
            }
            IntensityTally tally = intensity.tally(slopes, own);
            double noise = judgeNoise ? noiseRule.noise(slopes) : Double.NaN;
            double jumps = tally.considered() == 0 || exposure.meanJumps().isEmpty()
                    ? Double.NaN : exposure.meanJumps().get()[p];
            table.put(p, tally, noise, jumps);
        }
    }

    private static ClippedStats[] empty() {
        ClippedStats[] none = new ClippedStats[FrameGeometry.AMPLIFIERS];
        Arrays.fill(none, ClippedStats.EMPTY);
        return none;
    }
}
