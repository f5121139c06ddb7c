package org.miri.pixeldb.health.state;

import java.util.stream.IntStream;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.health.stats.ClippedStats;
import org.miri.pixeldb.health.stats.SigmaClipper;

/** Sigma-clipped statistics of one value per pixel, separately for each amplifier; NaN values take no part. */
final class AmplifierStatistics {

    private final SigmaClipper clipper;
    private final int[] amplifierOf;

    AmplifierStatistics(DetectorGrid grid, SigmaClipper clipper) {
        this.clipper = clipper;
        this.amplifierOf = new int[grid.pixels()];
        for (int p = 0; p < amplifierOf.length; p++) {
            amplifierOf[p] = grid.amplifier(p);
        }
    }

    /** The amplifier (1..4) of pixel index p. */
    int amplifier(int p) {
        return amplifierOf[p];
    }

    /** Index a - 1 holds amplifier a's statistics of {@code values} (one per pixel, NaN = not part). */
    ClippedStats[] byAmplifier(double[] values) {
        int[] counts = new int[FrameGeometry.AMPLIFIERS];
        for (int p = 0; p < values.length; p++) {
            counts[amplifierOf[p] - 1] += Double.isNaN(values[p]) ? 0 : 1;
        }
        double[][] buffers = new double[FrameGeometry.AMPLIFIERS][];
        for (int a = 0; a < FrameGeometry.AMPLIFIERS; a++) {
            buffers[a] = new double[counts[a]];
            counts[a] = 0;
        }
        for (int p = 0; p < values.length; p++) {
            if (!Double.isNaN(values[p])) {
                int a = amplifierOf[p] - 1;
                buffers[a][counts[a]++] = values[p];
            }
        }
        ClippedStats[] stats = new ClippedStats[FrameGeometry.AMPLIFIERS];
        // Each clipping sorts a quarter of the frame: the four in parallel (each writes only its own slot).
        IntStream.range(0, FrameGeometry.AMPLIFIERS).parallel().forEach(a -> stats[a] = clipper.stats(buffers[a],
                counts[a]));
        return stats;
    }
}
