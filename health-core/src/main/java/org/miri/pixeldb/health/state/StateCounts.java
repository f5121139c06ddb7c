package org.miri.pixeldb.health.state;

import org.miri.pixeldb.model.FrameGeometry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.health.stats.ClippedStats;

/** The per-integration, per-amplifier summary: m, s, pixels considered, and state counts among them. */
final class StateCounts {

    private StateCounts() {
    }

    static List<AmplifierIntegration> of(double[][] kept, ClippedStats[][] baselines, AmplifierStatistics amplifiers,
            PixelTable table) {
        List<AmplifierIntegration> rows = new ArrayList<>();
        PixelState[] states = PixelState.values();
        for (int i = 0; i < kept.length; i++) {
            int[] pixels = new int[FrameGeometry.AMPLIFIERS];
            int[][] counts = new int[FrameGeometry.AMPLIFIERS][states.length];
            for (int p = 0; p < kept[i].length; p++) {
                if (Double.isNaN(kept[i][p])) {
                    continue;
                }
                int a = amplifiers.amplifier(p) - 1;
                pixels[a]++;
                for (PixelState state : states) {
                    counts[a][state.ordinal()] += table.has(p, state) ? 1 : 0;
                }
            }
            for (int a = 0; a < FrameGeometry.AMPLIFIERS; a++) {
                rows.add(new AmplifierIntegration(i + 1, a + 1, baselines[i][a], pixels[a], asMap(counts[a])));
            }
        }
        return List.copyOf(rows);
    }

    static Map<PixelState, Integer> asMap(int[] counts) {
        Map<PixelState, Integer> map = new EnumMap<>(PixelState.class);
        for (PixelState state : PixelState.values()) {
            map.put(state, counts[state.ordinal()]);
        }
        return map;
    }
}
