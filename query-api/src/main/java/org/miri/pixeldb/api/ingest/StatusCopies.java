package org.miri.pixeldb.api.ingest;

import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.VersionProgress;

/**
 * Builders from existing records, field by field. Avro's {@code newBuilder(other)} deep-copies through
 * class lookup by name, which under Quarkus' test class loaders finds a second copy of the classes;
 * the values here are immutable, so a shallow copy is all a transition needs.
 */
final class StatusCopies {

    private StatusCopies() {
    }

    static IngestStatus.Builder of(IngestStatus s) {
        return IngestStatus.newBuilder().setExposure(s.getExposure()).setProduct(s.getProduct())
                .setObjects(s.getObjects()).setRevision(s.getRevision()).setVersions(s.getVersions())
                .setResets(s.getResets());
    }

    static ObjectStatus.Builder of(ObjectStatus o) {
        return ObjectStatus.newBuilder().setObjectKey(o.getObjectKey()).setEtag(o.getEtag()).setState(o.getState())
                .setReason(o.getReason()).setProductChecksum(o.getProductChecksum()).setChunkCount(o.getChunkCount())
                .setRampCount(o.getRampCount()).setChunksLoaded(o.getChunksLoaded()).setRampsLoaded(o.getRampsLoaded())
                .setReceivedAt(o.getReceivedAt()).setFirstChunkAt(o.getFirstChunkAt()).setSplitAt(o.getSplitAt())
                .setLoadedAt(o.getLoadedAt()).setEndedAt(o.getEndedAt()).setLastModified(o.getLastModified());
    }

    static VersionProgress.Builder of(VersionProgress v) {
        return VersionProgress.newBuilder().setChecksum(v.getChecksum()).setChunkCount(v.getChunkCount())
                .setChunks(v.getChunks()).setRamps(v.getRamps()).setRefusal(v.getRefusal()).setNote(v.getNote())
                .setFirstAckAt(v.getFirstAckAt()).setLastAckAt(v.getLastAckAt()).setCompletedAt(v.getCompletedAt());
    }
}
