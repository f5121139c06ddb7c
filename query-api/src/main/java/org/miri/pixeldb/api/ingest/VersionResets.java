package org.miri.pixeldb.api.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.VersionProgress;
import org.miri.pixeldb.schemas.VersionReset;

/**
 * Product versions counted anew: when the same content is uploaded again (after its exposure was deleted),
 * the old load's chunk set is forgotten, and an acknowledgement committed before the new upload was received
 * (a writer's late replay of the old load) counts for nothing, so the status cannot say LOADED from rows that
 * were deleted.
 */
final class VersionResets {

    /** Resets kept per product, the most recent. */
    static final int MAX_RESETS = AckTransition.MAX_VERSIONS;

    private VersionResets() {
    }

    static void reset(IngestStatus.Builder status, String checksum, Instant at) {
        List<VersionReset> resets = new ArrayList<>(status.getResets());
        resets.removeIf(r -> r.getChecksum().equals(checksum));
        resets.add(new VersionReset(checksum, at));
        resets.sort(Comparator.comparing(VersionReset::getAt, Comparator.reverseOrder()));
        status.setResets(List.copyOf(resets.subList(0, Math.min(MAX_RESETS, resets.size()))));
        // Acknowledgements of the new load that arrived before its RECEIVED (the repartition may reorder) stay.
        status.setVersions(status.getVersions().stream().filter(v -> !before(v, at, checksum)).toList());
    }

    /** When the version was last counted anew, if ever. */
    static Optional<Instant> since(IngestStatus.Builder status, String checksum) {
        return status.getResets().stream().filter(r -> r.getChecksum().equals(checksum)).map(VersionReset::getAt)
                .findFirst();
    }

    private static boolean before(VersionProgress version, Instant at, String checksum) {
        return version.getChecksum().equals(checksum) && version.getLastAckAt().isBefore(at);
    }
}
