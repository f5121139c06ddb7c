package org.miri.pixeldb.loader.db;

import java.time.OffsetDateTime;

/** One row of {@code ingest_log}. Exposure name, product kind and reason are null until known. */
public record IngestEntry(long id, String bucket, String key, String etag, String exposureName, String productKind,
                          FileState state, String reason, OffsetDateTime receivedAt, OffsetDateTime updatedAt) {
}
