package org.miri.pixeldb.api.detector;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A row of the detector table as the API lists it: the MIRI detector ({@link org.miri.pixeldb.model.Detector}) and
 * what it is for. The schema keeps the name Detector the API document has always given it.
 */
@Schema(name = "Detector")
public record DetectorEntry(int scaId, String name, String description) {
}
