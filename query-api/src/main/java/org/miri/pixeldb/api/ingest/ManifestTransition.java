package org.miri.pixeldb.api.ingest;

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
        if (old != null && sameUpload(old, event)) {
            object = StatusCopies.of(old);
        } else {
            object = newAttempt(key, event);
            if (old != null && old.getProductChecksum() != null) {
                // The same content dropped again (after its exposure was deleted) must count its chunks anew:
                // the old load's chunks, and its late acknowledgements, say nothing of the new one's rows.
                VersionResets.reset(status, old.getProductChecksum(), event.getAt());
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

    /**
     * One upload is one ETag and one modification time, as the splitter's {@code ObjectVersion} has it: the same
     * content uploaded again (after its exposure was deleted) has the same ETag but a new time, and is a new attempt.
     * A repeated event of the same upload (a splitter restarted mid-object) has both the same.
     */
    private static boolean sameUpload(ObjectStatus old, IngestEvent event) {
        return Objects.equals(old.getEtag(), event.getSource().getEtag())
                && Objects.equals(old.getLastModified(), event.getSource().getLastModified());
    }

    private static ObjectStatus.Builder newAttempt(String key, IngestEvent event) {
        return ObjectStatus.newBuilder().setObjectKey(key).setEtag(event.getSource().getEtag())
                .setLastModified(event.getSource().getLastModified()).setState(ProductIngestState.RECEIVED).setChunksLoaded(0).setRampsLoaded(0)
                // Its RECEIVED may have been compacted away: the first event seen stands in for it.
                .setReceivedAt(event.getAt());
    }

    static String objectKey(IngestEvent event) {
        return event.getSource().getBucket() + "/" + event.getSource().getKey();
    }
}
