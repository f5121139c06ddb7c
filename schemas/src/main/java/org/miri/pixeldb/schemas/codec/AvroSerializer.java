package org.miri.pixeldb.schemas.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing one generated record type with Avro single-object encoding, e.g.
 * {@code new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(Exposure.class))}.
 * A {@code null} record (a tombstone) is written as {@code null}.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final AvroMessageCodec<T> codec;

    public AvroSerializer(Class<T> type) {
        this(AvroMessageCodec.of(type));
    }

    public AvroSerializer(AvroMessageCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : codec.encode(data);
    }
}
