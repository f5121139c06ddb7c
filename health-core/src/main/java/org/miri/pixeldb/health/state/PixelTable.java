package org.miri.pixeldb.health.state;

import java.util.EnumSet;

/**
 * Per-pixel results of an exposure in arrays indexed by pixel (a full frame has a million pixels: the
 * {@link PixelHealth} records are made only when asked for). States are a bit set by ordinal of {@link PixelState}.
 */
final class PixelTable {

    private final IntensityTally[] tallies;
    private final double[] noise;
    private final double[] meanJumps;
    private final byte[] states;

    PixelTable(int pixels) {
        tallies = new IntensityTally[pixels];
        noise = new double[pixels];
        meanJumps = new double[pixels];
        states = new byte[pixels];
    }

    void put(int p, IntensityTally tally, double pixelNoise, double jumps) {
        tallies[p] = tally;
        noise[p] = pixelNoise;
        meanJumps[p] = jumps;
    }

    void add(int p, PixelState state) {
        states[p] |= (byte) (1 << state.ordinal());
    }

    boolean has(int p, PixelState state) {
        return (states[p] & (1 << state.ordinal())) != 0;
    }

    boolean flagged(int p) {
        return states[p] != 0;
    }

    EnumSet<PixelState> states(int p) {
        EnumSet<PixelState> set = EnumSet.noneOf(PixelState.class);
        for (PixelState state : PixelState.values()) {
            if (has(p, state)) {
                set.add(state);
            }
        }
        return set;
    }

    PixelHealth pixel(int p, DetectorGrid grid) {
        IntensityTally t = tallies[p];
        return new PixelHealth(grid.row(p), grid.col(p), grid.amplifier(p), states(p), t.considered(),
                t.hotFraction(), t.warmFraction(), t.illuminated(), t.deadFraction(), noise[p], meanJumps[p]);
    }

    IntensityTally tally(int p) {
        return tallies[p];
    }

    double[] noise() {
        return noise;
    }

    double[] meanJumps() {
        return meanJumps;
    }
}
