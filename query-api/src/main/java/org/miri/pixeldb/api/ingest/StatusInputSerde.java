package org.miri.pixeldb.api.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * The repartition topic carries the splitter's events and the writers' acknowledgements side by side,
 * each in its own single-object encoding: the schema fingerprint says which one a message is.
 */
final class StatusInputSerde {

    private static final AvroMessageCodec<IngestEvent> EVENTS = AvroMessageCodec.of(IngestEvent.class);
    private static final AvroMessageCodec<LoadAck> ACKS = AvroMessageCodec.of(LoadAck.class);

    private StatusInputSerde() {
    }

    static Serde<SpecificRecord> serde() {
        Serializer<SpecificRecord> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            if (value instanceof LoadAck ack) {
                return ACKS.encode(ack);
            }
            return EVENTS.encode((IngestEvent) value);
        };
        Deserializer<SpecificRecord> deserializer = (topic, bytes) -> bytes == null ? null
                : isAck(bytes) ? ACKS.decode(bytes) : EVENTS.decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** Bytes 2-9 of a single-object message are the writer schema's fingerprint, little-endian. */
    private static boolean isAck(byte[] bytes) {
        return bytes.length >= 10
                && ACKS.knownFingerprints().contains(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }
}
