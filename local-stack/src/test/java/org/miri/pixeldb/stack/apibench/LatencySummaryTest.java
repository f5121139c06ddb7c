package org.miri.pixeldb.stack.apibench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[99 - i] = (i + 1) * 1_000_000L; // 1..100 ms, unsorted
        }
        LatencySummary s = LatencySummary.of(nanos);
        assertEquals(50.0, s.p50());
        assertEquals(90.0, s.p90());
        assertEquals(95.0, s.p95());
        assertEquals(99.0, s.p99());
        assertEquals(100.0, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
    }

    @Test
    void pixelsAreReproducibleAndInsideTheirExposure() {
        List<PixelSample.Extent> one = List.of(new PixelSample.Extent("MIRIMAGE", 779, 64, 1, 72));
        List<String> paths = PixelSample.paths(one, 500, 3);
        assertEquals(paths, PixelSample.paths(one, 500, 3));
        for (String path : paths) {
            String[] parts = path.split("/");
            int row = Integer.parseInt(parts[5]);
            int col = Integer.parseInt(parts[6]);
            assertEquals(true, row >= 779 && row <= 842 && col >= 1 && col <= 72, path);
        }
    }
}
