package org.miri.pixeldb.schemas.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Kafka serde (serializer and deserializer sharing one {@link AvroMessageCodec}) for one generated
 * record type, e.g. {@code new AvroSerde<>(RawRampChunk.class)}.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(Class<T> type) {
        this(AvroMessageCodec.of(type));
    }

    public AvroSerde(AvroMessageCodec<T> codec) {
        this.serializer = new AvroSerializer<>(codec);
        this.deserializer = new AvroDeserializer<>(codec);
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
