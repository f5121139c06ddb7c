package org.miri.pixeldb.api.detector;

/** A MIRI detector (SCA) as the API shows it. */
public record Detector(int scaId, String name, String description) {
}
