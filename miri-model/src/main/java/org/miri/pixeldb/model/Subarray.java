package org.miri.pixeldb.model;

import java.util.List;
import java.util.Optional;

/**
 * The window of the full frame a file covers, in the JWST keywords SUBARRAY (name), SUBSTRT1 (first column),
 * SUBSTRT2 (first row), SUBSIZE1 (columns) and SUBSIZE2 (rows), 1-based full-frame coordinates. The named MIRI
 * subarrays are constants; a file may also cover any other window, GENERIC, which is why this is a record.
 */
public record Subarray(String name, int substrt1, int substrt2, int subsize1, int subsize2) {

    /** The name of any window that is not one of the named MIRI subarrays. */
    public static final String GENERIC_NAME = "GENERIC";

    public static final Subarray FULL = new Subarray("FULL", 1, 1, FrameGeometry.COLUMNS, FrameGeometry.ROWS);
    public static final Subarray BRIGHTSKY = new Subarray("BRIGHTSKY", 457, 51, 512, 512);
    public static final Subarray SUB256 = new Subarray("SUB256", 413, 51, 256, 256);
    public static final Subarray SUB128 = new Subarray("SUB128", 1, 889, 136, 128);
    public static final Subarray SUB64 = new Subarray("SUB64", 1, 779, 72, 64);
    public static final Subarray SLITLESSPRISM = new Subarray("SLITLESSPRISM", 1, 529, 72, 416);
    public static final Subarray MASK1065 = new Subarray("MASK1065", 1, 19, 288, 224);
    public static final Subarray MASK1140 = new Subarray("MASK1140", 1, 245, 288, 224);
    public static final Subarray MASK1550 = new Subarray("MASK1550", 1, 467, 288, 224);
    public static final Subarray MASKLYOT = new Subarray("MASKLYOT", 1, 717, 320, 304);

    /** The named MIRI subarrays, FULL first. */
    public static final List<Subarray> NAMED = List.of(FULL, BRIGHTSKY, SUB256, SUB128, SUB64, SLITLESSPRISM,
            MASK1065, MASK1140, MASK1550, MASKLYOT);

    /** The named MIRI subarray with this SUBARRAY value, spelled as JWST writes it; empty for any other name. */
    public static Optional<Subarray> named(String name) {
        return NAMED.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    /** A window that is none of the named subarrays. */
    public static Subarray generic(int substrt1, int substrt2, int subsize1, int subsize2) {
        return new Subarray(GENERIC_NAME, substrt1, substrt2, subsize1, subsize2);
    }

    /**
     * The name of the subarray a ground-test raw frame of {@code cols} x {@code rawRows} (reference rows included)
     * starting at row {@code substrt2} covers: those files carry no SUBARRAY, only the frame size. Any other size is
     * GENERIC.
     */
    public static String groundTestName(int cols, int rawRows, int substrt2) {
        List<Subarray> sameSize = NAMED.stream().filter(s -> s.subsize1 == cols
                && ReferenceOutput.groundTestFrameRows(s.subsize2) == rawRows).toList();
        if (sameSize.size() == 1) {
            return sameSize.get(0).name;
        }
        // The three coronagraph masks share one size: the prototype always said MASK1065, the first row tells them apart.
        return sameSize.stream().filter(s -> s.substrt2 == substrt2).map(Subarray::name).findFirst()
                .orElse(GENERIC_NAME);
    }

    /** The last full-frame column; a long, so that a corrupt header's SUBSIZE1 cannot wrap round past the edge. */
    public long lastColumn() {
        return (long) substrt1 + subsize1 - 1;
    }

    /** The last full-frame row; a long for the same reason. */
    public long lastRow() {
        return (long) substrt2 + subsize2 - 1;
    }
}
