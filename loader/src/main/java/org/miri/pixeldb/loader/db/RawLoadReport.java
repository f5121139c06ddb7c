package org.miri.pixeldb.loader.db;

import java.util.List;

/**
 * What one {@link RawRampWriter#write} call did: chunks stored now, chunks skipped because an earlier
 * delivery had stored them, ramps stored, and the exposures whose raw product became complete.
 */
public record RawLoadReport(int chunksLoaded, int chunksSkipped, long rampsLoaded, List<String> completedExposures) {
}
