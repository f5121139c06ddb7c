package org.miri.pixeldb.loader.db;

/**
 * A product of an exposure arrived from another object than the version the database has (e.g. a JPL
 * raw file and its {@code _pipe} conversion). Only a file written again under its own key replaces a
 * product; two objects competing for one product are an error the user has to resolve.
 */
public final class ProductVersionConflictException extends LoadException {

    public ProductVersionConflictException(String exposure, String kind, String existingKey, String offeredKey) {
        super("exposure " + exposure + " already has its " + kind + " product, from " + existingKey + "; " + offeredKey
                + " is another file for it and is refused (to replace a product, write the same key again, or delete "
                + "the exposure first)");
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
