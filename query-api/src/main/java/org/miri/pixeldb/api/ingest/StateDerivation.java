package org.miri.pixeldb.api.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.VersionProgress;

/**
 * The state of each object, from its manifest events and its version's acknowledged chunks: before the
 * manifest, chunks loaded of a version no other object claims mean the splitter is still SPLITTING;
 * after it, LOADING until every chunk of the announced version is in, then LOADED (with the writer's note,
 * if any: a second file identical to the loaded one). A writer's refusal of the version is REJECTED with
 * the writer's reason.
 */
final class StateDerivation {

    private StateDerivation() {
    }

    static void derive(IngestStatus.Builder status) {
        Set<String> claimed = status.getObjects().stream().map(ObjectStatus::getProductChecksum)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<ObjectStatus> derived = new ArrayList<>();
        for (ObjectStatus object : status.getObjects()) {
            derived.add(object.getEndedAt() != null ? object : derive(StatusCopies.of(object), status.getVersions(), claimed));
        }
        status.setObjects(derived);
    }

    private static ObjectStatus derive(ObjectStatus.Builder object, List<VersionProgress> versions, Set<String> claimed) {
        if (object.getProductChecksum() == null) {
            Optional<VersionProgress> splitting = versions.stream().filter(v -> !claimed.contains(v.getChecksum()))
                    .filter(v -> !v.getLastAckAt().isBefore(object.getReceivedAt()))
                    .max(Comparator.comparing(VersionProgress::getFirstAckAt));
            progress(object, splitting.orElse(null));
            return object.setState(splitting.isPresent() ? ProductIngestState.SPLITTING : ProductIngestState.RECEIVED)
                    .setChunkCount(splitting.map(VersionProgress::getChunkCount).orElse(null)).build();
        }
        VersionProgress shown = versions.stream().filter(v -> v.getChecksum().equals(object.getProductChecksum()))
                .findFirst().orElse(null);
        progress(object, shown);
        if (shown != null && shown.getRefusal() != null) {
            return object.setState(ProductIngestState.REJECTED).setReason(shown.getRefusal())
                    .setEndedAt(latest(shown.getLastAckAt(), object.getSplitAt())).build();
        }
        if (shown != null && shown.getCompletedAt() != null) {
            // The writers may commit the last chunk before the splitter publishes the manifest: the status
            // knows the product complete only with both, so LOADED never precedes LOADING.
            return object.setState(ProductIngestState.LOADED).setLoadedAt(latest(shown.getCompletedAt(),
                    object.getSplitAt())).setReason(shown.getNote()).build();
        }
        return object.setState(ProductIngestState.LOADING).setLoadedAt(null).build();
    }

    private static void progress(ObjectStatus.Builder object, VersionProgress version) {
        object.setChunksLoaded(version == null ? 0 : ChunkBits.read(version.getChunks()).cardinality())
                .setRampsLoaded(version == null ? 0 : version.getRamps())
                // Acknowledged before this attempt's RECEIVED arrived (the repartition may reorder): not before it.
                .setFirstChunkAt(version == null ? null : latest(version.getFirstAckAt(), object.getReceivedAt()));
    }

    /** The later of two times, either of which may be unknown: transition times never go back. */
    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
