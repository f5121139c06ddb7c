package org.miri.pixeldb.loader.db;

import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * A product version whose last chunk was stored. Promoted: it is now the version readers see, and the
 * {@code removed} versions (older ones, loaded or still loading) are gone. Not promoted: a version
 * split later was loaded already, so this stale one was removed instead.
 */
public record CompletedProduct(String exposure, ProductKind kind, String checksum, boolean promoted,
                               List<String> removed) {
}
