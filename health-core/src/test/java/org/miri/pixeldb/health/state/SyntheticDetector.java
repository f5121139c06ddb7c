package org.miri.pixeldb.health.state;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.miri.pixeldb.model.DqFlags;

/**
 * A SUB64 exposure (64 x 72, full-frame columns 1-72, rows 779-842) of gaussian slopes per amplifier, with known
 * defects: for each state six pixels made to have it. Reference columns 1-4 get slope 0 with REFERENCE_PIXEL, as
 * the pipeline's RATEINTS gives them. Deterministic for a seed.
 */
final class SyntheticDetector {

    static final DetectorGrid GRID = DetectorGrid.fromSubarray(1, 779, 72, 64);
    static final int UNUSABLE = 100; // made hot, but DO_NOT_USE in every integration: no state
    static final int PARTLY_NAN = 200; // NaN in integration 2, otherwise ordinary

    final List<float[]> slopes = new ArrayList<>();
    final List<int[]> dq = new ArrayList<>();
    final float[] jumps = new float[GRID.pixels()];
    final Map<PixelState, Set<Integer>> injected = new EnumMap<>(PixelState.class);

    /** @param median per amplifier 1..4 (index 0 unused); @param sigma likewise */
    SyntheticDetector(long seed, int nints, double[] median, double[] sigma) {
        Random random = new Random(seed);
        List<Integer> free = new ArrayList<>();
        for (int p = 0; p < GRID.pixels(); p++) {
            if (!GRID.referenceColumn(p) && p != UNUSABLE && p != PARTLY_NAN) {
                free.add(p);
            }
        }
        java.util.Collections.shuffle(free, random);
        int next = 0;
        for (PixelState state : PixelState.values()) {
            injected.put(state, new LinkedHashSet<>(free.subList(next, next + 6)));
            next += 6;
        }
        int[] jumpCounts = new int[GRID.pixels()];
        for (int i = 0; i < nints; i++) {
            float[] s = new float[GRID.pixels()];
            int[] d = new int[GRID.pixels()];
            for (int p = 0; p < GRID.pixels(); p++) {
                int a = GRID.amplifier(p);
                double value = median[a] + sigma[a] * random.nextGaussian();
                if (injected.get(PixelState.HOT).contains(p) || p == UNUSABLE) {
                    value = median[a] + sigma[a] * (12 + 0.5 * random.nextGaussian());
                } else if (injected.get(PixelState.WARM).contains(p)) {
                    value = median[a] + sigma[a] * (4 + 0.1 * random.nextGaussian());
                } else if (injected.get(PixelState.DEAD).contains(p)) {
                    value = 0.3 + 0.2 * random.nextGaussian();
                } else if (injected.get(PixelState.NOISY).contains(p)) {
                    value = median[a] + sigma[a] * ((i % 2 == 0 ? 6 : -6) + 0.1 * random.nextGaussian());
                }
                s[p] = (float) value;
                d[p] = random.nextInt(500) == 0 ? 16_777_217 : random.nextInt(50) == 0 ? DqFlags.JUMP_DET : 0;
                jumpCounts[p] += random.nextInt(33) == 0 ? 1 : 0;
                if (GRID.referenceColumn(p)) {
                    s[p] = 0f;
                    d[p] = DqFlags.REFERENCE_PIXEL;
                }
            }
            s[PARTLY_NAN] = i == 1 ? Float.NaN : s[PARTLY_NAN];
            d[UNUSABLE] = DqFlags.DO_NOT_USE;
            slopes.add(s);
            dq.add(d);
        }
        for (int p = 0; p < GRID.pixels(); p++) {
            jumps[p] = injected.get(PixelState.JUMPY).contains(p) ? 3.0f : (float) jumpCounts[p] / nints;
        }
        // The first hot pixel is ordinary in integration 1: 3 of 4 still make it HOT.
        int firstHot = injected.get(PixelState.HOT).iterator().next();
        slopes.get(0)[firstHot] = (float) median[GRID.amplifier(firstHot)];
    }

    ExposureSlopes exposure(boolean withJumps) {
        List<IntegrationSlopes> integrations = new ArrayList<>();
        for (int i = 0; i < slopes.size(); i++) {
            integrations.add(new IntegrationSlopes(slopes.get(i), dq.get(i)));
        }
        return withJumps ? ExposureSlopes.withJumps(GRID, integrations, jumps) : ExposureSlopes.of(GRID, integrations);
    }
}
