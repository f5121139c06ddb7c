package org.miri.pixeldb.api.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.model.DqFlags;

/**
 * An exposure's health against a reference mask, bit by bit, over the pixels both describe: for each DQ bit the
 * health sets (HOT, WARM, DEAD, and OTHER_BAD_PIXEL for NOISY or JUMPY), the pixels flagged here and not in the mask,
 * in the mask and not here, and in both. Plain code: the resource reads the inputs, this compares them.
 *
 * @param region the pixels compared: the exposure's subarray, cut to the mask's extent
 * @param flags one entry per bit, in the order of {@link #BITS}
 */
public record MaskComparison(String exposure, Region region, List<Flag> flags) {

    /** The bits compared, in this order. */
    static final List<Map.Entry<String, Integer>> BITS = List.of(Map.entry("HOT", DqFlags.HOT),
            Map.entry("WARM", DqFlags.WARM), Map.entry("DEAD", DqFlags.DEAD),
            Map.entry("OTHER_BAD_PIXEL", DqFlags.OTHER_BAD_PIXEL));

    /** Pixels listed per set at most; the count is always exact. */
    public static final int MAX_LISTED = 1000;

    /** Full-frame, 1-based, inclusive. */
    public record Region(int firstRow, int lastRow, int firstCol, int lastCol) {
    }

    /** One bit: how many pixels of each set, and the pixels ([row, col]) up to {@link #MAX_LISTED} per set. */
    public record Flag(String flag, Pixels onlyHere, Pixels onlyInMask, Pixels both) {
    }

    /** @param truncated whether more pixels are in the set than listed */
    public record Pixels(int count, List<int[]> pixels, boolean truncated) {
    }

    /**
     * @param here the exposure's flagged pixels, full-frame {row, col} to their health DQ bits ({@link HealthMask#bits})
     * @return empty when the mask and the exposure share no pixel
     */
    static java.util.Optional<MaskComparison> of(String exposure, Region footprint, Map<Long, Long> here,
            ReferenceMask mask) {
        Region region = new Region(Math.max(footprint.firstRow(), mask.firstRow()),
                Math.min(footprint.lastRow(), mask.firstRow() + mask.rows() - 1),
                Math.max(footprint.firstCol(), mask.firstCol()),
                Math.min(footprint.lastCol(), mask.firstCol() + mask.cols() - 1));
        if (region.firstRow() > region.lastRow() || region.firstCol() > region.lastCol()) {
            return java.util.Optional.empty();
        }
        List<Flag> flags = new ArrayList<>();
        for (Map.Entry<String, Integer> bit : BITS) {
            Sets sets = new Sets();
            for (int row = region.firstRow(); row <= region.lastRow(); row++) {
                for (int col = region.firstCol(); col <= region.lastCol(); col++) {
                    boolean ours = (here.getOrDefault(key(row, col), 0L) & bit.getValue()) != 0;
                    boolean theirs = (mask.at(row, col) & bit.getValue()) != 0;
                    sets.add(ours, theirs, row, col);
                }
            }
            flags.add(new Flag(bit.getKey(), sets.onlyHere.done(), sets.onlyInMask.done(), sets.both.done()));
        }
        return java.util.Optional.of(new MaskComparison(exposure, region, flags));
    }

    static long key(int row, int col) {
        return (long) row << 16 | col;
    }

    private static final class Sets {
        final Listing onlyHere = new Listing();
        final Listing onlyInMask = new Listing();
        final Listing both = new Listing();

        void add(boolean ours, boolean theirs, int row, int col) {
            if (ours && theirs) {
                both.add(row, col);
            } else if (ours) {
                onlyHere.add(row, col);
            } else if (theirs) {
                onlyInMask.add(row, col);
            }
        }
    }

    private static final class Listing {
        private int count;
        private final List<int[]> pixels = new ArrayList<>();

        void add(int row, int col) {
            count++;
            if (pixels.size() < MAX_LISTED) {
                pixels.add(new int[] {row, col});
            }
        }

        Pixels done() {
            return new Pixels(count, List.copyOf(pixels), count > pixels.size());
        }
    }
}
