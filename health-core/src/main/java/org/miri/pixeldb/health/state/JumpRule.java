package org.miri.pixeldb.health.state;

import org.miri.pixeldb.health.stats.ClippedStats;

/**
 * JUMPY: mean JUMP_DET groups per integration above the clipped median + jumpySigma std of the pixel's amplifier,
 * and at least jumpyMinimum. The floor matters because most pixels have no jump at all: the clipped median and std
 * are then 0 and any single cosmic ray would pass "> m + 5 s". Follows jwst_reffiles' badpix_from_darks, which
 * flags pixels with many jumps as candidates for RC and telegraph behaviour.
 */
public final class JumpRule {

    private final HealthThresholds thresholds;

    public JumpRule(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Strict above the clipped limit, inclusive at the floor ("at least 1"); false for NaN. */
    public boolean jumpy(double meanJumps, ClippedStats amplifierJumps) {
        return meanJumps > amplifierJumps.medianPlus(thresholds.jumpySigma())
                && meanJumps >= thresholds.jumpyMinimum();
    }
}
