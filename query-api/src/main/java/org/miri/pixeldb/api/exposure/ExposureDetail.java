package org.miri.pixeldb.api.exposure;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/** Everything about one exposure: its metadata, every product version with provenance and header, the ingest log. */
public record ExposureDetail(ExposureSummary exposure, List<Product> products, List<IngestEntry> ingest) {

    /**
     * One product version. {@code ramps} counts what is in the database (pixels for slope products), from the chunk
     * ledger; {@code header} is every primary-header card as {keyword, value, comment}.
     */
    public record Product(String kind, String state, String checksum, String sourceKey, long sourceSize,
            Instant splitAt, Instant loadedAt, Integer chunkCount, int chunksLoaded, long ramps, String calVer,
            String calVcs, String crdsVer, String crdsCtx, @JsonRawValue String steps,
            @JsonRawValue String referenceFiles, @JsonRawValue String header) {
    }

    /** What happened to one object of the exposure in the ingest. */
    public record IngestEntry(String objectKey, String productKind, String state, String reason, Instant receivedAt,
            Instant updatedAt) {
    }
}
