package org.miri.pixeldb.loader.ingest;

import org.apache.avro.specific.SpecificRecord;
import org.miri.pixeldb.loader.db.ChunkWriter;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * One topic of chunk messages a writer loads: how to decode them, and the writer that stores them and says
 * which product version each belongs to (to drop, or acknowledge, the chunks of a version already decided).
 */
public record ChunkStream<T extends SpecificRecord>(Topic topic, AvroMessageCodec<T> codec, ChunkWriter<T> writer) {

    public static <T extends SpecificRecord> ChunkStream<T> of(Topic topic, Class<T> type, ChunkWriter<T> writer) {
        return new ChunkStream<>(topic, AvroMessageCodec.of(type), writer);
    }

    /** Every chunk message has a {@code chunkIndex} field (see the schemas): its place in its product. */
    static int chunkIndex(SpecificRecord chunk) {
        return (Integer) chunk.get(chunk.getSchema().getField("chunkIndex").pos());
    }
}
