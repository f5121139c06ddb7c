package org.miri.pixeldb.api.ingest;

import org.miri.pixeldb.schemas.IngestStatus;
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
        return IngestStatus.newBuilder().setExposure(s.getExposure()).setProduct(s.getProduct()).setState(s.getState())
                .setReason(s.getReason()).setObjectKey(s.getObjectKey()).setEtag(s.getEtag())
                .setProductChecksum(s.getProductChecksum()).setChunkCount(s.getChunkCount())
                .setRampCount(s.getRampCount()).setChunksLoaded(s.getChunksLoaded()).setRampsLoaded(s.getRampsLoaded())
                .setReceivedAt(s.getReceivedAt()).setFirstChunkAt(s.getFirstChunkAt()).setSplitAt(s.getSplitAt())
                .setLoadedAt(s.getLoadedAt()).setEndedAt(s.getEndedAt()).setRevision(s.getRevision())
                .setVersions(s.getVersions());
    }

    static VersionProgress.Builder of(VersionProgress v) {
        return VersionProgress.newBuilder().setChecksum(v.getChecksum()).setChunkCount(v.getChunkCount())
                .setChunks(v.getChunks()).setRamps(v.getRamps()).setRefusal(v.getRefusal())
                .setFirstAckAt(v.getFirstAckAt()).setLastAckAt(v.getLastAckAt()).setCompletedAt(v.getCompletedAt());
    }
}
