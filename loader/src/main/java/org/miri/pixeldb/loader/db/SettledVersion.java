package org.miri.pixeldb.loader.db;

import java.time.Instant;

/**
 * What the writers decided about a product version that has no product row (any more): refused or removed with
 * a reason, or found identical to the loaded version of another object ({@code identicalTo}, with the note its
 * object was logged with). Records of the version sent before {@code at} belong to the attempt decided.
 */
public record SettledVersion(Instant at, String reason, String identicalTo) {

    public boolean identical() {
        return identicalTo != null;
    }

    /** Whether a record the splitter sent at {@code producedAt} belongs to the attempt decided, not to a new upload. */
    public boolean decided(Instant producedAt) {
        return producedAt.isBefore(at);
    }
}
