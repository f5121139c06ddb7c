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
        int[] counts = new int[pixels];
        for (byte[] cube : groupDq) {
            if (cube.length != (long) ngroups * pixels) {
                throw new IllegalArgumentException("a GROUPDQ cube of " + cube.length + " values for " + ngroups
                        + " groups x " + pixels + " pixels");
            }
            for (int i = 0; i < cube.length; i++) {
                if ((cube[i] & DqFlags.JUMP_DET) != 0) {
                    counts[i % pixels]++;
                }
            }
        }
        float[] mean = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            mean[p] = (float) ((double) counts[p] / groupDq.size());
        }
        return mean;
    }
}
