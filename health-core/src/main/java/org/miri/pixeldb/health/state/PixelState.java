package org.miri.pixeldb.health.state;

/**
 * The states a pixel can have in one exposure (issue 14, item 2). A pixel can have several (e.g. HOT and NOISY);
 * HOT and WARM exclude each other. The names match the stdatamodels DQ bits HOT, WARM and DEAD; NOISY and JUMPY
 * have no bit of their own (the API maps them to OTHER_BAD_PIXEL).
 */
public enum PixelState {

    /** Slope above median + 5 std of its amplifier in at least 75 % of the integrations where it is considered. */
    HOT,
    /** Not HOT, slope above median + 3 std in at least 75 % of its integrations. */
    WARM,
    /** |slope| below 5 % of the median in at least 75 % of its illuminated integrations (median >= 10 std). */
    DEAD,
    /** Standard deviation of its integration slopes above the clipped median + 5 std of that quantity. */
    NOISY,
    /** Mean JUMP_DET groups per integration above the clipped median + 5 std of its amplifier, and at least 1. */
    JUMPY
}
