package org.miri.pixeldb.api.ingest;

import java.util.List;

/** The ingest status of every product of one exposure that the ingest has seen, RAW, RAMP, RATEINTS, RATE in that order. */
public record ExposureStatus(String exposure, List<ProductStatus> products) {
}
