package org.miri.pixeldb.schemas.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading one generated record type from Avro single-object encoding, resolving
 * every frozen older version to the current class, e.g.
 * {@code new KafkaConsumer<>(props, new StringDeserializer(), new AvroDeserializer<>(Exposure.class))}.
 * A {@code null} value (a tombstone) is read as {@code null}; an unknown writer schema throws
 * {@link UnknownSchemaException}.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final AvroMessageCodec<T> codec;

    public AvroDeserializer(Class<T> type) {
        this(AvroMessageCodec.of(type));
    }

    public AvroDeserializer(AvroMessageCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : codec.decode(data);
    }
}
