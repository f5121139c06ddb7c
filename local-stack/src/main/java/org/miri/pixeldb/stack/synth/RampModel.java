package org.miri.pixeldb.stack.synth;

import java.util.SplittableRandom;

/**
 * Realistic raw MIRI ramps, reproducible from a seed: a per-pixel bias near 10,000 DN, a count rate
 * from dark (a few DN per group) to bright sources, read noise, Poisson noise, cosmic-ray jumps and
 * saturation at the top of the 16-bit range. Reference pixels (columns 1-4, 1029-1032) and the
 * reference output see bias and noise only. A {@link Scene} may replace the sky by a flat field and add defects.
 */
public final class RampModel {

    static final int SATURATION = 65_535;
    private final long seed;
    private final Scene scene;

    public RampModel(long seed) {
        this(seed, Scene.SKY);
    }

    public RampModel(long seed, Scene scene) {
        this.seed = seed;
        this.scene = scene;
    }

    /** The ramp of one pixel in one integration: the same arguments always give the same samples. */
    public void ramp(int integration, int row, int col, boolean reference, int[] samples) {
        ramp(integration, row, col, reference, samples, null);
    }

    /**
     * The same ramp, and where {@code jumps} is not null the groups a cosmic ray hit, so that the corrected
     * products can flag exactly them; asking for the jumps draws nothing more, so the samples do not change.
     */
    public void ramp(int integration, int row, int col, boolean reference, int[] samples, boolean[] jumps) {
        SplittableRandom random = new SplittableRandom(seed ^ (((long) integration << 42) ^ ((long) row << 21) ^ col));
        double bias = 9_500 + 1_000 * random.nextDouble();
        double rate = reference ? 0 : rate(random);
        Defect.Kind defect = reference ? null : scene.defectAt(row, col);
        if (!reference && scene.flatRate() > 0) {
            rate = scene.flatRate(seed, row, col);
        }
        if (defect != null) {
            // On the flat field's nominal rate, not the pixel's own response: each defect lands where it is meant to.
            rate = Scene.withDefect(defect, scene.flatRate(), integration);
        }
        double jumpProbability = defect == Defect.Kind.JUMPY ? Scene.JUMPY_PROBABILITY : 1e-3;
        double signal = 0;
        for (int group = 0; group < samples.length; group++) {
            signal += rate + Math.sqrt(rate) * random.nextGaussian();
            boolean jump = !reference && random.nextDouble() < jumpProbability;
            if (jump) {
                signal += 100 + 1_900 * random.nextDouble(); // a cosmic-ray jump
            }
            if (jumps != null) {
                jumps[group] = jump;
            }
            double value = bias + Math.max(0, signal) + 6 * random.nextGaussian();
            samples[group] = (int) Math.max(0, Math.min(SATURATION, Math.round(value)));
        }
    }

    private static double rate(SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < 0.9) {
            return 1 + 4 * random.nextDouble(); // dark sky
        }
        return draw < 0.99 ? 20 + 200 * random.nextDouble() : 1_000 + 3_000 * random.nextDouble(); // sources, some saturating
    }
}
