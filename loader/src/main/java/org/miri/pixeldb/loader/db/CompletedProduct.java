package org.miri.pixeldb.loader.db;

import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * A product version whose last chunk was stored, and what became of it ({@link Outcome}). {@code removed}: the
 * older versions of its object that a promotion deleted; {@code reason}: the note or refusal of a version settled
 * against another object's loaded version.
 */
public record CompletedProduct(String exposure, ProductKind kind, String checksum, Outcome outcome,
                               List<String> removed, String reason) {

    public enum Outcome {
        /** Readers see it now; older versions of its object, loaded or still loading, are gone. */
        PROMOTED,
        /** A version of its object split later was loaded already, so this one was removed. */
        STALE,
        /** Another object's loaded version holds the same values: this one's rows are gone, readers saw no change. */
        IDENTICAL,
        /** Another object's loaded version holds other values: this one is refused. */
        DIFFERENT
    }

    public CompletedProduct {
        removed = List.copyOf(removed);
    }

    static CompletedProduct promoted(ProductVersion version, List<String> removed) {
        return new CompletedProduct(version.exposure(), version.kind(), version.checksum(), Outcome.PROMOTED, removed,
                null);
    }

    static CompletedProduct settled(ProductVersion version, Outcome outcome, String reason) {
        return new CompletedProduct(version.exposure(), version.kind(), version.checksum(), outcome, List.of(), reason);
    }
}
