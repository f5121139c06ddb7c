package org.miri.pixeldb.loader.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.loader.db.HeldChunks;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.AckedChunk;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Unit test of what a transaction's acknowledgements say; LoadLoop decides when they go out. */
class LoadAcksTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final LoadAcks acks = new LoadAcks(producer, "ramp-writer@test/1");
    private final AvroMessageCodec<LoadAck> codec = AvroMessageCodec.of(LoadAck.class);

    @Test
    void heldChunksAndRefusalsGoOutKeyedByProductOnlyWhenPublished() throws Exception {
        acks.held(new HeldChunks("X", ProductKind.RAW, "c1", 40, List.of(3, 4), List.of(320, 80)));
        acks.refused("X", ProductKind.RATE, "c2", "shape contradicts");
        assertEquals(0, producer.history().size());
        acks.publish();
        assertEquals(2, producer.history().size());
        var first = producer.history().get(0);
        assertEquals(Topic.LOAD_ACKS.topicName(), first.topic());
        assertEquals("X/RAW", first.key());
        LoadAck ack = codec.decode(first.value());
        assertEquals(List.of(new AckedChunk(3, 320), new AckedChunk(4, 80)), ack.getChunks());
        assertEquals(40, ack.getChunkCount());
        assertEquals("ramp-writer@test/1", ack.getWriter());
        assertNull(ack.getRefusal());
        assertEquals("shape contradicts", codec.decode(producer.history().get(1).value()).getRefusal());
    }

    @Test
    void aRolledBackTransactionAcknowledgesNothing() throws Exception {
        acks.held(new HeldChunks("X", ProductKind.RAW, "c1", 40, List.of(3), List.of(320)));
        acks.clear();
        acks.publish();
        assertEquals(0, producer.history().size());
    }
}
