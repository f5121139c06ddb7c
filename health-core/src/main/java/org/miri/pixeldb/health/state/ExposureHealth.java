package org.miri.pixeldb.health.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The health of one exposure: every pixel's states and statistics, the per-integration, per-amplifier trend data
 * ({@link AmplifierIntegration}) and the per-amplifier noise and jump statistics ({@link AmplifierSpread}).
 */
public final class ExposureHealth {

    private final DetectorGrid grid;
    private final int integrations;
    private final PixelTable table;
    private final List<AmplifierIntegration> amplifierIntegrations;
    private final List<AmplifierSpread> amplifierSpreads;

    ExposureHealth(DetectorGrid grid, int integrations, PixelTable table, List<AmplifierIntegration> perIntegration,
            List<AmplifierSpread> spreads) {
        this.grid = grid;
        this.integrations = integrations;
        this.table = table;
        this.amplifierIntegrations = List.copyOf(perIntegration);
        this.amplifierSpreads = List.copyOf(spreads);
    }

    public DetectorGrid grid() {
        return grid;
    }

    public int integrations() {
        return integrations;
    }

    /** The pixel at array index {@code p} (= y * cols + x of the exposure's grid). */
    public PixelHealth pixel(int p) {
        return table.pixel(p, grid);
    }

    /** Every pixel with at least one state, in array order. */
    public List<PixelHealth> flagged() {
        List<PixelHealth> flagged = new ArrayList<>();
        for (int p = 0; p < grid.pixels(); p++) {
            if (table.flagged(p)) {
                flagged.add(pixel(p));
            }
        }
        return flagged;
    }

    /** How many pixels of the exposure have each state (every state present, 0 where none). */
    public Map<PixelState, Integer> counts() {
        PixelState[] states = PixelState.values();
        int[] counts = new int[states.length];
        for (int p = 0; p < grid.pixels(); p++) {
            for (PixelState state : states) {
                counts[state.ordinal()] += table.has(p, state) ? 1 : 0;
            }
        }
        return StateCounts.asMap(counts);
    }

    /** How many pixels had at least one integration considered. */
    public int considered() {
        int considered = 0;
        for (int p = 0; p < grid.pixels(); p++) {
            considered += table.tally(p).considered() > 0 ? 1 : 0;
        }
        return considered;
    }

    public List<AmplifierIntegration> amplifierIntegrations() {
        return amplifierIntegrations;
    }

    public List<AmplifierSpread> amplifierSpreads() {
        return amplifierSpreads;
    }
}
