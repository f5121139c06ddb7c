package org.miri.pixeldb.api.ingest;

import java.util.List;

/** One page of the ingest listing, most recently changed first; {@code next} links the following page, null on the last. */
public record IngestPage(List<ProductStatus> products, String next) {
}
