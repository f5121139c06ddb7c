package org.miri.pixeldb.loader.db;

import java.util.List;

/**
 * What one {@link ChunkWriter#write} call did: chunks stored now, chunks skipped because an earlier
 * delivery had stored them, ramps (or slope pixels) stored, and the product versions it completed.
 */
public record LoadReport(int chunksLoaded, int chunksSkipped, long rampsLoaded, List<CompletedProduct> completed) {
}
