package org.miri.pixeldb.loader.db;

/**
 * Ramps arrived for a product whose Exposure record has not been loaded yet. Kafka does not order the
 * exposures topic against the ramp topics, so this is expected now and then: retry the chunk after
 * the exposure records in flight have been loaded. Nothing was written.
 */
public final class ProductNotYetKnownException extends LoadException {

    private final String exposure;
    private final String checksum;

    public ProductNotYetKnownException(String exposure, String checksum) {
        super("no exposure record yet for exposure " + exposure + ", raw product " + checksum
                + ": retry after the exposure record has been loaded");
        this.exposure = exposure;
        this.checksum = checksum;
    }

    public String exposure() {
        return exposure;
    }

    public String checksum() {
        return checksum;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
