package org.miri.pixeldb.loader.db;

import java.util.List;

/**
 * What one {@link ChunkWriter#write} call did: chunks stored now, chunks skipped because an earlier
 * delivery had stored them, ramps (or slope pixels) stored, the product versions it completed, and
 * every chunk of the call the database holds (stored now or before: what the writer acknowledges).
 */
public record LoadReport(int chunksLoaded, int chunksSkipped, long rampsLoaded, List<CompletedProduct> completed,
                         List<HeldChunks> held) {
}
