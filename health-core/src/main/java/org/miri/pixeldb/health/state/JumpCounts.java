package org.miri.pixeldb.health.state;

import java.util.List;
import org.miri.pixeldb.model.DqFlags;

/**
 * The JUMPY rule's input from corrected ramps: per pixel, the number of groups whose GROUPDQ has JUMP_DET (value 4),
 * averaged over the exposure's integrations. GROUPDQ of one integration is a [group][row][col] uint8 cube (the
 * layout of the RAMP product), one {@code byte[]} per integration.
 */
public final class JumpCounts {

    private JumpCounts() {
    }

    /** Mean JUMP_DET groups per integration of each of the {@code pixels} pixels. */
    public static float[] meanPerIntegration(List<byte[]> groupDq, int ngroups, int pixels) {
        if (groupDq.isEmpty() || ngroups < 1 || pixels < 1) {
            throw new IllegalArgumentException("jump counts need at least one integration, group and pixel");
        }
        Tally tally = new Tally(pixels);
        for (byte[] cube : groupDq) {
            if (cube.length != (long) ngroups * pixels) {
                throw new IllegalArgumentException("a GROUPDQ cube of " + cube.length + " values for " + ngroups
                        + " groups x " + pixels + " pixels");
            }
            for (int i = 0; i < cube.length; i++) {
                tally.group(i % pixels, cube[i]);
            }
        }
        return tally.meanPerIntegration(groupDq.size());
    }

    /**
     * Jump counts gathered group by group, in whatever order the GROUPDQ values come (a database's strips hold each
     * pixel's groups together; the RAMP product, each group's plane).
     */
    public static final class Tally {

        private final int[] counts;

        public Tally(int pixels) {
            counts = new int[pixels];
        }

        /** One GROUPDQ value of pixel {@code pixel} (any group, any integration). */
        public void group(int pixel, byte groupDq) {
            if ((groupDq & DqFlags.JUMP_DET) != 0) {
                counts[pixel]++;
            }
        }

        /** {@code jumps} groups with JUMP_DET of pixel {@code pixel}, counted elsewhere (a writer, at load). */
        public void jumps(int pixel, int jumps) {
            if (jumps < 0) {
                throw new IllegalArgumentException("a negative jump count: " + jumps);
            }
            counts[pixel] += jumps;
        }

        /** The mean per integration, for an exposure of {@code integrations} integrations. */
        public float[] meanPerIntegration(int integrations) {
            if (integrations < 1) {
                throw new IllegalArgumentException("jump counts need at least one integration");
            }
            float[] mean = new float[counts.length];
            for (int p = 0; p < counts.length; p++) {
                mean[p] = (float) ((double) counts[p] / integrations);
            }
            return mean;
        }
    }
}
