package org.miri.pixeldb.loader.ingest;

import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * One topic of chunk messages a writer loads: how to decode them, where they go, and which product
 * version each belongs to (to drop the chunks of a version the database refused).
 */
public record ChunkStream<T extends SpecificRecord>(Topic topic, AvroMessageCodec<T> codec, ChunkStore<T> store,
                                                    Function<T, String> checksum) {

    public static <T extends SpecificRecord> ChunkStream<T> of(Topic topic, Class<T> type, ChunkStore<T> store,
                                                               Function<T, String> checksum) {
        return new ChunkStream<>(topic, AvroMessageCodec.of(type), store, checksum);
    }

    /** Every chunk message has a {@code chunkIndex} field (see the schemas): its place in its product. */
    static int chunkIndex(SpecificRecord chunk) {
        return (Integer) chunk.get(chunk.getSchema().getField("chunkIndex").pos());
    }
}
