package org.miri.pixeldb.loader.db;

import org.miri.pixeldb.schemas.ProductKind;

/**
 * Chunks arrived for a product version whose Exposure record has not been loaded yet. Kafka does not
 * order the exposures topic against the chunk topics, so this is expected now and then: retry the
 * chunks after the exposure records in flight have been loaded (unless the version was refused). Nothing
 * was written.
 */
public final class ProductNotYetKnownException extends LoadException {

    private final String exposure;
    private final ProductKind kind;
    private final String checksum;

    public ProductNotYetKnownException(String exposure, ProductKind kind, String checksum) {
        super("no exposure record yet for exposure " + exposure + ", " + kind + " product " + checksum
                + ": retry after the exposure record has been loaded");
        this.exposure = exposure;
        this.kind = kind;
        this.checksum = checksum;
    }

    public String exposure() {
        return exposure;
    }

    public ProductKind kind() {
        return kind;
    }

    public String checksum() {
        return checksum;
    }
}
