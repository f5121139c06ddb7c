package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.DqFlags;

/**
 * GROUPDQ of one ramp, as calwebb_detector1 would set it for what the {@link RampModel} did: the
 * saturation step flags SATURATED from the first group at the 16-bit ceiling on, the jump step
 * JUMP_DET at each group a cosmic ray hit, and MIRI's firstframe and lastframe steps DO_NOT_USE on
 * the first group (when NGROUPS > 3) and the last one (when NGROUPS > 2).
 */
final class GroupDqModel {

    private GroupDqModel() {
    }

    static boolean flagsFirstGroup(int ngroups) {
        return ngroups > 3;
    }

    static boolean flagsLastGroup(int ngroups) {
        return ngroups > 2;
    }

    static void flags(int[] raw, boolean[] jumps, byte[] out) {
        int ngroups = raw.length;
        boolean saturated = false;
        for (int g = 0; g < ngroups; g++) {
            saturated |= raw[g] >= RampModel.SATURATION;
            int flags = 0;
            if (saturated) {
                flags |= DqFlags.SATURATED;
            } else if (jumps[g] && g > 0) {
                // A hit during the first group is part of its level: no earlier read to jump from.
                flags |= DqFlags.JUMP_DET;
            }
            if ((g == 0 && flagsFirstGroup(ngroups)) || (g == ngroups - 1 && flagsLastGroup(ngroups))) {
                flags |= DqFlags.DO_NOT_USE;
            }
            out[g] = (byte) flags;
        }
    }
}
