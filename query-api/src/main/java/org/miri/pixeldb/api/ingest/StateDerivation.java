package org.miri.pixeldb.api.ingest;

import java.util.Comparator;
import java.util.Optional;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.VersionProgress;

/**
 * The state shown, from the attempt's manifest events and its versions' acknowledged chunks: before
 * the manifest, chunks loaded mean the splitter is still SPLITTING; after it, LOADING until every chunk
 * of the announced version is in, then LOADED. A writer's refusal of that version is REJECTED.
 */
final class StateDerivation {

    private StateDerivation() {
    }

    static void derive(IngestStatus.Builder status) {
        if (status.getEndedAt() != null) {
            return; // REJECTED or FAILED by the splitter, or refused by a writer: final for this attempt
        }
        if (status.getProductChecksum() == null) {
            Optional<VersionProgress> splitting = status.getVersions().stream()
                    .filter(v -> status.getReceivedAt() == null || !v.getLastAckAt().isBefore(status.getReceivedAt()))
                    .max(Comparator.comparing(VersionProgress::getFirstAckAt));
            status.setState(splitting.isPresent() ? ProductIngestState.SPLITTING : ProductIngestState.RECEIVED);
            progress(status, splitting.orElse(null));
            status.setChunkCount(splitting.map(VersionProgress::getChunkCount).orElse(null)).setLoadedAt(null);
            return;
        }
        VersionProgress shown = status.getVersions().stream()
                .filter(v -> v.getChecksum().equals(status.getProductChecksum())).findFirst().orElse(null);
        progress(status, shown);
        if (shown != null && shown.getRefusal() != null) {
            status.setState(ProductIngestState.REJECTED).setReason(shown.getRefusal()).setEndedAt(shown.getLastAckAt());
        } else if (shown != null && shown.getCompletedAt() != null) {
            status.setState(ProductIngestState.LOADED).setLoadedAt(shown.getCompletedAt());
        } else {
            status.setState(ProductIngestState.LOADING).setLoadedAt(null);
        }
    }

    private static void progress(IngestStatus.Builder status, VersionProgress version) {
        status.setChunksLoaded(version == null ? 0 : ChunkBits.read(version.getChunks()).cardinality())
                .setRampsLoaded(version == null ? 0 : version.getRamps())
                .setFirstChunkAt(version == null ? null : version.getFirstAckAt());
    }
}
