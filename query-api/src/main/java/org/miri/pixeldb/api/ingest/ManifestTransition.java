package org.miri.pixeldb.api.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.ProductIngestState;

/**
 * Applies what the splitter says about an object version to that object's entry in the product's
 * status. A new version of the object (another ETag) starts a new attempt; the same event again (a
 * splitter restarted mid-object sends RECEIVED anew) changes nothing.
 */
final class ManifestTransition {

    /** Objects kept per product, the most recently received first. */
    static final int MAX_OBJECTS = 8;

    private ManifestTransition() {
    }

    static void apply(IngestStatus.Builder status, IngestEvent event) {
        if (event.getState() == IngestState.IGNORED) {
            return; // not a product: no status of an exposure's product
        }
        String key = objectKey(event);
        List<ObjectStatus> objects = new ArrayList<>(status.getObjects());
        ObjectStatus old = objects.stream().filter(o -> o.getObjectKey().equals(key)).findFirst().orElse(null);
        objects.remove(old);
        ObjectStatus.Builder object;
        if (old != null && Objects.equals(old.getEtag(), event.getSource().getEtag())) {
            object = StatusCopies.of(old);
        } else {
            object = newAttempt(key, event);
            if (old != null && old.getProductChecksum() != null) {
                // The same content dropped again (after its exposure was deleted) must count its chunks anew.
                Instant at = event.getAt();
                status.setVersions(status.getVersions().stream().filter(v -> !v.getChecksum().equals(
                        old.getProductChecksum()) || !v.getLastAckAt().isBefore(at)).toList());
            }
        }
        switch (event.getState()) {
            case SPLIT -> object.setProductChecksum(event.getProductChecksum()).setChunkCount(event.getChunkCount())
                    .setRampCount(event.getRampCount()).setSplitAt(event.getAt());
            case REJECTED, FAILED -> {
                object.setState(event.getState() == IngestState.REJECTED ? ProductIngestState.REJECTED
                        : ProductIngestState.FAILED).setReason(event.getReason()).setEndedAt(event.getAt());
                if (event.getProductChecksum() != null) {
                    object.setProductChecksum(event.getProductChecksum());
                }
            }
            default -> {
                // RECEIVED: the attempt exists now
            }
        }
        objects.add(object.build());
        objects.sort(Comparator.comparing(ObjectStatus::getReceivedAt, Comparator.reverseOrder()));
        status.setObjects(List.copyOf(objects.subList(0, Math.min(MAX_OBJECTS, objects.size()))));
    }

    private static ObjectStatus.Builder newAttempt(String key, IngestEvent event) {
        return ObjectStatus.newBuilder().setObjectKey(key).setEtag(event.getSource().getEtag())
                .setState(ProductIngestState.RECEIVED).setChunksLoaded(0).setRampsLoaded(0)
                // Its RECEIVED may have been compacted away: the first event seen stands in for it.
                .setReceivedAt(event.getAt());
    }

    static String objectKey(IngestEvent event) {
        return event.getSource().getBucket() + "/" + event.getSource().getKey();
    }
}
