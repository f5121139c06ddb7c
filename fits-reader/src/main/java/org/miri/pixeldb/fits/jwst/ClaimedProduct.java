package org.miri.pixeldb.fits.jwst;

import java.util.Locale;
import java.util.Optional;
import org.miri.pixeldb.fits.jwst.ExposureName;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * The exposure and product an object's name claims, for the events sent before its header is read or
 * when it cannot be (RECEIVED, REJECTED): so that the ingest status can show a bad file under its
 * exposure and product. The SPLIT event names what the header says, which wins.
 */
public record ClaimedProduct(String exposure, ProductKind kind) {

    public static Optional<ClaimedProduct> of(String key) {
        String exposure;
        try {
            exposure = ExposureName.fromObjectKey(key);
        } catch (RejectedProductException e) {
            return Optional.empty();
        }
        String stem = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        stem = stem.substring(0, stem.length() - ".fits".length());
        // Same suffixes as ExposureName; no suffix, _uncal and _pipe are raw exposures.
        ProductKind kind = stem.endsWith("_rateints") ? ProductKind.RATEINTS
                : stem.endsWith("_rate") ? ProductKind.RATE
                : stem.endsWith("_ramp") ? ProductKind.RAMP
                : ProductKind.RAW;
        return Optional.of(new ClaimedProduct(exposure, kind));
    }
}
