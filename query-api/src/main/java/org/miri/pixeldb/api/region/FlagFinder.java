package org.miri.pixeldb.api.region;

import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.api.dq.DqCatalog;
import org.miri.pixeldb.api.format.Packed;

/**
 * Finds the pixels whose PIXELDQ and the ramps whose GROUPDQ carry any of the asked flags. Plain code over packed
 * strips; the repository feeds it.
 */
final class FlagFinder {

    /** A pixel whose PIXELDQ carries a flag asked for. */
    record FlaggedPixel(int row, int col, long pixeldq, List<String> flags) {
    }

    /** A ramp with the groups (1-based) whose GROUPDQ carries a flag asked for, and the flags found. */
    record FlaggedRamp(int integration, int row, int col, List<Integer> groups, List<String> flags) {
    }

    private final long mask;
    private final int ngroups;
    private final DqCatalog catalog;
    final List<FlaggedPixel> pixels = new ArrayList<>();
    final List<FlaggedRamp> ramps = new ArrayList<>();

    FlagFinder(long mask, int ngroups, DqCatalog catalog) {
        this.mask = mask;
        this.ngroups = ngroups;
        this.catalog = catalog;
    }

    RampVisitor pixelVisitor() {
        return (integration, row, col, strip, index) -> {
            long dq = Packed.uint32(strip[0], index);
            if ((dq & mask) != 0) {
                pixels.add(new FlaggedPixel(row, col, dq, catalog.decode(dq & mask)));
            }
        };
    }

    RampVisitor rampVisitor() {
        return (integration, row, col, strip, index) -> {
            List<Integer> groups = new ArrayList<>();
            long found = 0;
            for (int g = 0; g < ngroups; g++) {
                int dq = Packed.uint8(strip[2], index * ngroups + g);
                if ((dq & mask) != 0) {
                    groups.add(g + 1);
                    found |= dq & mask;
                }
            }
            if (!groups.isEmpty()) {
                ramps.add(new FlaggedRamp(integration, row, col, groups, catalog.decode(found)));
            }
        };
    }
}
