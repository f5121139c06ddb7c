package org.miri.pixeldb.splitter.fits;

import java.util.Arrays;
import java.util.Optional;

/** The three MIRI sensor chip assemblies and their full-frame size. */
public enum Detector {
    MIRIMAGE(493), MIRIFULONG(494), MIRIFUSHORT(495);

    /** Full-frame columns, reference columns 1-4 and 1029-1032 included. */
    public static final int COLUMNS = 1032;
    /** Full-frame rows. */
    public static final int ROWS = 1024;

    private final int scaId;

    Detector(int scaId) {
        this.scaId = scaId;
    }

    public int scaId() {
        return scaId;
    }

    static Optional<Detector> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    static Optional<Detector> withScaId(Integer scaId) {
        return Arrays.stream(values()).filter(d -> scaId != null && d.scaId == scaId).findFirst();
    }

    /** The detector a JWST DETECTOR value names; rejects anything that is not a MIRI detector. */
    static Detector require(String name) throws RejectedProductException {
        if (name == null) {
            throw new RejectedProductException("DETECTOR is missing from the primary header");
        }
        return named(name).orElseThrow(() -> new RejectedProductException(
                "DETECTOR " + name + " is not a MIRI detector (" + known() + ")"));
    }

    /** The known list, for reasons: "MIRIMAGE 493, MIRIFULONG 494, MIRIFUSHORT 495". */
    static String known() {
        return String.join(", ", Arrays.stream(values()).map(d -> d.name() + " " + d.scaId).toList());
    }
}
