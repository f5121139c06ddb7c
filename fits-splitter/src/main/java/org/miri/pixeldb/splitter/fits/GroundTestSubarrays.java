package org.miri.pixeldb.splitter.fits;

import java.util.Map;

/**
 * Ground-test files carry no SUBARRAY name; it follows from the raw frame size (NAXIS1 x NAXIS2, reference rows
 * included). The three coronagraph masks share one size and differ only in their first row.
 */
final class GroundTestSubarrays {

    static final String GENERIC = "GENERIC";

    private static final Map<String, String> BY_FRAME_SIZE = Map.of(
            "1032x1280", "FULL", "512x640", "BRIGHTSKY", "256x320", "SUB256", "136x160", "SUB128",
            "72x80", "SUB64", "72x520", "SLITLESSPRISM", "320x380", "MASKLYOT");
    private static final String MASK_FRAME_SIZE = "288x280";
    private static final Map<Integer, String> MASK_BY_FIRST_ROW = Map.of(
            19, "MASK1065", 245, "MASK1140", 467, "MASK1550");

    private GroundTestSubarrays() {
    }

    /** The MIRI subarray name for a raw frame of {@code cols} x {@code rawRows} starting at row {@code substrt2}. */
    static String name(int cols, int rawRows, int substrt2) {
        String size = cols + "x" + rawRows;
        if (size.equals(MASK_FRAME_SIZE)) {
            // The prototype always said MASK1065; the first row tells the three masks apart.
            return MASK_BY_FIRST_ROW.getOrDefault(substrt2, GENERIC);
        }
        return BY_FRAME_SIZE.getOrDefault(size, GENERIC);
    }
}
