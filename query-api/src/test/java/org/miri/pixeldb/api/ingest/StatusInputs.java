package org.miri.pixeldb.api.ingest;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.miri.pixeldb.schemas.AckedChunk;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;

/** The splitter's events and the writers' acknowledgements of the topology tests, at given seconds. */
final class StatusInputs {

    static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private StatusInputs() {
    }

    static Instant at(int second) {
        return T0.plusSeconds(second);
    }

    static IngestEvent event(String key, String etag, IngestState state, int second) {
        return IngestEvent.newBuilder().setSource(SourceObject.newBuilder().setBucket("b").setKey(key).setEtag(etag)
                .setSize(1).build()).setState(state).setExposure("X").setProduct(ProductKind.RAW).setAt(at(second)).build();
    }

    /** The event of an upload modified at {@code modified} seconds (the same content uploaded again has another time). */
    static IngestEvent uploaded(IngestEvent event, int modified) {
        SourceObject source = event.getSource();
        return IngestEvent.newBuilder(event).setSource(SourceObject.newBuilder(source).setLastModified(at(modified))
                .build()).build();
    }

    static IngestEvent split(String key, String etag, String checksum, int chunks, int second) {
        return IngestEvent.newBuilder(event(key, etag, IngestState.SPLIT, second)).setProductChecksum(checksum)
                .setChunkCount(chunks).setRampCount(chunks * 100L).build();
    }

    static IngestEvent rejected(String key, String etag, String reason, int second) {
        return IngestEvent.newBuilder(event(key, etag, IngestState.REJECTED, second)).setReason(reason).build();
    }

    /** Chunks [from, to) of a version with {@code count} chunks of 100 ramps each. */
    static LoadAck ack(String checksum, int count, int from, int to, int second) {
        List<AckedChunk> chunks = IntStream.range(from, to).mapToObj(i -> new AckedChunk(i, 100)).toList();
        return LoadAck.newBuilder().setExposure("X").setProduct(ProductKind.RAW).setProductChecksum(checksum)
                .setChunkCount(count).setChunks(chunks).setWriter("ramp-writer@test/1").setAt(at(second)).build();
    }
}
