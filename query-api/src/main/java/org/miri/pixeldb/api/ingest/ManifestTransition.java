package org.miri.pixeldb.api.ingest;

import java.time.Instant;
import java.util.Objects;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ProductIngestState;

/**
 * Applies what the splitter says about an object version of the product. A new object version starts
 * a new attempt; the same event again (a splitter restarted mid-object sends RECEIVED anew) changes
 * nothing. The latest object version of a product is the one shown, as the database keeps the version
 * split later.
 */
final class ManifestTransition {

    private ManifestTransition() {
    }

    static void apply(IngestStatus.Builder status, IngestEvent event) {
        Instant at = event.getAt();
        switch (event.getState()) {
            case RECEIVED -> {
                if (!sameObject(status, event)) {
                    newAttempt(status, event);
                }
            }
            case SPLIT -> {
                if (!sameObject(status, event)) {
                    newAttempt(status, event); // its RECEIVED was compacted away
                }
                status.setProductChecksum(event.getProductChecksum()).setChunkCount(event.getChunkCount())
                        .setRampCount(event.getRampCount()).setSplitAt(at);
            }
            case REJECTED, FAILED -> {
                if (!sameObject(status, event)) {
                    newAttempt(status, event);
                }
                status.setState(event.getState() == org.miri.pixeldb.schemas.IngestState.REJECTED
                        ? ProductIngestState.REJECTED : ProductIngestState.FAILED)
                        .setReason(event.getReason()).setEndedAt(at);
                if (event.getProductChecksum() != null) {
                    status.setProductChecksum(event.getProductChecksum());
                }
            }
            case IGNORED -> {
                // not a product: no status of an exposure's product
            }
        }
    }

    private static boolean sameObject(IngestStatus.Builder status, IngestEvent event) {
        return status.getReceivedAt() != null && objectKey(event).equals(status.getObjectKey())
                && Objects.equals(event.getSource().getEtag(), status.getEtag());
    }

    private static void newAttempt(IngestStatus.Builder status, IngestEvent event) {
        Instant at = event.getAt();
        status.setObjectKey(objectKey(event)).setEtag(event.getSource().getEtag()).setReceivedAt(at)
                .setState(ProductIngestState.RECEIVED).setReason(null).setProductChecksum(null).setChunkCount(null)
                .setRampCount(null).setSplitAt(null).setEndedAt(null).setLoadedAt(null).setFirstChunkAt(null)
                // Versions acknowledged only before this upload belong to earlier ones (a re-dropped file
                // after its exposure was deleted must count its chunks anew).
                .setVersions(status.getVersions().stream().filter(v -> !v.getLastAckAt().isBefore(at)).toList());
    }

    static String objectKey(IngestEvent event) {
        return event.getSource().getBucket() + "/" + event.getSource().getKey();
    }
}
