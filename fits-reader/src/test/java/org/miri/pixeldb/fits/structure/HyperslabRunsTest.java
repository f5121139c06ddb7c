package org.miri.pixeldb.fits.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HyperslabRunsTest {

    @Test
    void wholeRowsOfEveryGroupAreOneRunPerGroup() {
        // One integration of 3 groups of 4 rows of 8 bytes; rows 1..2 of every group.
        HyperslabRuns runs = new HyperslabRuns(new int[] {2, 3, 4, 8});
        int[] corner = {1, 0, 1, 0};
        int[] lengths = {1, 3, 2, 8};
        assertEquals(16, runs.runBytes(corner, lengths));
        assertEquals(List.of(96L + 8, 96L + 32 + 8, 96L + 64 + 8), offsets(runs, corner, lengths));
    }

    @Test
    void aWholeIntegrationIsOneRun() {
        HyperslabRuns runs = new HyperslabRuns(new int[] {2, 3, 4, 8});
        assertEquals(List.of(96L), offsets(runs, new int[] {1, 0, 0, 0}, new int[] {1, 3, 4, 8}));
        assertEquals(96, runs.runBytes(new int[] {1, 0, 0, 0}, new int[] {1, 3, 4, 8}));
    }

    /** Every byte of random blocks lands where an element-by-element walk of the array puts it. */
    @Test
    void randomBlocksCoverExactlyTheirBytesInFileOrder() {
        Random random = new Random(18);
        for (int trial = 0; trial < 500; trial++) {
            int[] dims = {1 + random.nextInt(3), 1 + random.nextInt(4), 1 + random.nextInt(5), 1 + random.nextInt(9)};
            int[] corner = new int[4];
            int[] lengths = new int[4];
            for (int axis = 0; axis < 4; axis++) {
                corner[axis] = random.nextInt(dims[axis]);
                lengths[axis] = 1 + random.nextInt(dims[axis] - corner[axis]);
                if (random.nextBoolean()) { // whole axes are the case that merges
                    corner[axis] = 0;
                    lengths[axis] = dims[axis];
                }
            }
            HyperslabRuns runs = new HyperslabRuns(dims);
            List<Long> bytes = new ArrayList<>();
            long runBytes = runs.runBytes(corner, lengths);
            for (long offset : runs.runOffsets(corner, lengths)) {
                for (long b = 0; b < runBytes; b++) {
                    bytes.add(offset + b);
                }
            }
            assertEquals(walk(dims, corner, lengths), bytes, "dims " + List.of(dims[0], dims[1], dims[2], dims[3]));
        }
    }

    private static List<Long> walk(int[] d, int[] c, int[] l) {
        List<Long> bytes = new ArrayList<>();
        for (int i = c[0]; i < c[0] + l[0]; i++) {
            for (int j = c[1]; j < c[1] + l[1]; j++) {
                for (int k = c[2]; k < c[2] + l[2]; k++) {
                    for (int m = c[3]; m < c[3] + l[3]; m++) {
                        bytes.add((((long) i * d[1] + j) * d[2] + k) * d[3] + m);
                    }
                }
            }
        }
        return bytes;
    }

    private static List<Long> offsets(HyperslabRuns runs, int[] corner, int[] lengths) {
        List<Long> offsets = new ArrayList<>();
        for (long offset : runs.runOffsets(corner, lengths)) {
            offsets.add(offset);
        }
        return offsets;
    }
}
