package org.miri.pixeldb.api.ingest;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.miri.pixeldb.schemas.AckedChunk;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.VersionProgress;

/**
 * Adds a writer's acknowledgement to the progress of its product version. Acknowledgements may come
 * before the manifest that announces the version (writers load chunks while the splitter still sends
 * them), so every version keeps its own chunk set until the manifest says which one is shown.
 */
final class AckTransition {

    /** Versions kept per product: those its objects show first, then the most recently acknowledged. */
    static final int MAX_VERSIONS = 10;

    private AckTransition() {
    }

    static void apply(IngestStatus.Builder status, LoadAck ack) {
        Instant since = VersionResets.since(status, ack.getProductChecksum()).orElse(null);
        if (since != null && ack.getAt().isBefore(since)) {
            return; // committed by the earlier load of the same content, whose rows were deleted since
        }
        List<VersionProgress> versions = new ArrayList<>(status.getVersions());
        VersionProgress old = versions.stream().filter(v -> v.getChecksum().equals(ack.getProductChecksum()))
                .findFirst().orElse(null);
        versions.remove(old);
        Instant at = ack.getAt();
        VersionProgress.Builder version = old == null
                ? VersionProgress.newBuilder().setChecksum(ack.getProductChecksum()).setChunkCount(ack.getChunkCount())
                        .setChunks(ByteBuffer.allocate(0)).setRamps(0).setFirstAckAt(at).setLastAckAt(at)
                : StatusCopies.of(old);
        BitSet bits = ChunkBits.read(version.getChunks());
        long ramps = version.getRamps();
        for (AckedChunk chunk : ack.getChunks()) {
            if (chunk.getIndex() >= 0 && !bits.get(chunk.getIndex())) {
                bits.set(chunk.getIndex());
                ramps += chunk.getRamps();
            }
        }
        version.setChunks(ChunkBits.write(bits)).setRamps(ramps).setChunkCount(Math.max(version.getChunkCount(),
                ack.getChunkCount()));
        if (at.isBefore(version.getFirstAckAt())) {
            version.setFirstAckAt(at);
        }
        if (at.isAfter(version.getLastAckAt())) {
            version.setLastAckAt(at);
        }
        if (ack.getRefusal() != null) {
            version.setRefusal(ack.getRefusal());
        }
        if (ack.getNote() != null) {
            version.setNote(ack.getNote());
        }
        if (version.getCompletedAt() == null && version.getChunkCount() > 0
                && bits.cardinality() >= version.getChunkCount()) {
            version.setCompletedAt(at);
        }
        versions.add(version.build());
        status.setVersions(bounded(versions, status.getObjects().stream().map(o -> o.getProductChecksum())
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
    }

    /** Drops the versions acknowledged least recently, those shown by an object last. */
    private static List<VersionProgress> bounded(List<VersionProgress> versions, java.util.Set<String> shown) {
        List<VersionProgress> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing((VersionProgress v) -> !shown.contains(v.getChecksum()))
                .thenComparing(VersionProgress::getLastAckAt, Comparator.reverseOrder()));
        return List.copyOf(sorted.subList(0, Math.min(MAX_VERSIONS, sorted.size())));
    }
}
