package org.miri.pixeldb.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three MIRI sensor chip assemblies (SCAs), by the name JWST files give in DETECTOR and the number in SCA_ID.
 * Every pixel the database holds is addressed as a detector plus a full-frame row and column.
 */
public enum Detector {
    /** The imager; also the detector of the JPL ground tests (FPM-101), whose files are loaded as MIRIMAGE. */
    MIRIMAGE(493),
    /** The MRS long-wavelength channels. */
    MIRIFULONG(494),
    /** The MRS short-wavelength channels. */
    MIRIFUSHORT(495);

    private final int scaId;

    Detector(int scaId) {
        this.scaId = scaId;
    }

    public int scaId() {
        return scaId;
    }

    /** The detector a DETECTOR keyword names, spelled exactly as JWST writes it; empty for anything else or null. */
    public static Optional<Detector> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** The detector with this SCA_ID; empty for null or any other number (JPL numbered its own, e.g. 20). */
    public static Optional<Detector> withScaId(Integer scaId) {
        return Arrays.stream(values()).filter(d -> scaId != null && d.scaId == scaId).findFirst();
    }

    /**
     * The detector a user names, by its name in any case or by its SCA_ID, surrounding blanks ignored
     * ("mirimage", " 493"); empty for anything else or null.
     */
    public static Optional<Detector> parse(String nameOrScaId) {
        String wanted = nameOrScaId == null ? "" : nameOrScaId.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(d -> d.name().equals(wanted) || String.valueOf(d.scaId).equals(wanted)).findFirst();
    }

    /** The known detectors, for messages: "MIRIMAGE 493, MIRIFULONG 494, MIRIFUSHORT 495". */
    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(d -> d.name() + " " + d.scaId).toList());
    }
}
