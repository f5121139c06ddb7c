package org.miri.pixeldb.loader.db;

/**
 * A product of an exposure arrived with a different checksum than the version already loaded.
 * Replacing a changed file is not implemented yet, so the new version is refused and the old one kept.
 */
public final class ProductVersionConflictException extends LoadException {

    public ProductVersionConflictException(String exposure, String kind, String loaded, String offered) {
        super(kind + " product of exposure " + exposure + " is already loaded as version " + loaded
                + "; version " + offered + " differs and replacing a product is not supported yet");
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
