package org.miri.pixeldb.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.model.DqFlags;

/** The comparison alone, on hand-made states and masks: each bit's three sets, the region, the listing cap. */
class MaskComparisonTest {

    private static final MaskComparison.Region SUBARRAY = new MaskComparison.Region(779, 782, 1, 4);

    @Test
    void eachBitSplitsThePixelsIntoHereOnlyMaskOnlyAndBoth() {
        long[] dq = new long[4 * 4];
        dq[0] = DqFlags.HOT; // (779, 1)
        dq[1] = DqFlags.HOT | DqFlags.OTHER_BAD_PIXEL; // (779, 2)
        dq[2 * 4 + 2] = DqFlags.DEAD | (1L << 31); // (781, 3), with REFERENCE_PIXEL, which is not compared
        ReferenceMask mask = new ReferenceMask(779, 1, 4, 4, dq);
        Map<Long, Long> here = Map.of(MaskComparison.key(779, 1), (long) DqFlags.HOT,
                MaskComparison.key(780, 2), (long) DqFlags.WARM);
        MaskComparison c = MaskComparison.of("X", SUBARRAY, here, mask).orElseThrow();
        assertEquals(SUBARRAY, c.region());
        assertEquals(List.of("HOT", "WARM", "DEAD", "OTHER_BAD_PIXEL"), c.flags().stream().map(MaskComparison.Flag::flag)
                .toList());
        assertEquals(List.of("[] [[779, 2]] [[779, 1]]", "[[780, 2]] [] []", "[] [[781, 3]] []", "[] [[779, 2]] []"),
                c.flags().stream().map(f -> listed(f.onlyHere()) + " " + listed(f.onlyInMask()) + " " + listed(f.both()))
                        .toList());
    }

    @Test
    void onlyPixelsBothDescribeAreCompared() {
        // A mask of rows 781-790, columns 3-12: the region is its overlap with rows 779-782, columns 1-4.
        long[] dq = new long[10 * 10];
        java.util.Arrays.fill(dq, DqFlags.WARM);
        MaskComparison c = MaskComparison.of("X", SUBARRAY, Map.of(MaskComparison.key(779, 1), (long) DqFlags.WARM),
                new ReferenceMask(781, 3, 10, 10, dq)).orElseThrow();
        assertEquals(new MaskComparison.Region(781, 782, 3, 4), c.region());
        assertEquals(4, c.flags().get(1).onlyInMask().count());
        assertEquals(0, c.flags().get(1).onlyHere().count(), "(779, 1) lies outside the mask");
        assertTrue(MaskComparison.of("X", SUBARRAY, Map.of(), new ReferenceMask(1, 1, 10, 10, dq)).isEmpty());
    }

    @Test
    void aSetIsCountedWhollyAndListedUpToTheCap() {
        MaskComparison.Region full = new MaskComparison.Region(1, 40, 1, 40);
        long[] dq = new long[40 * 40];
        java.util.Arrays.fill(dq, DqFlags.DEAD);
        MaskComparison.Pixels dead = MaskComparison.of("X", full, Map.of(), new ReferenceMask(1, 1, 40, 40, dq))
                .orElseThrow().flags().get(2).onlyInMask();
        assertEquals(1600, dead.count());
        assertEquals(MaskComparison.MAX_LISTED, dead.pixels().size());
        assertTrue(dead.truncated());
        assertFalse(MaskComparison.of("X", full, Map.of(), new ReferenceMask(1, 1, 40, 40, new long[1600]))
                .orElseThrow().flags().get(2).onlyInMask().truncated());
    }

    private static String listed(MaskComparison.Pixels pixels) {
        return pixels.pixels().stream().map(java.util.Arrays::toString).toList().toString();
    }
}
