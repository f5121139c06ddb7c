package org.miri.pixeldb.loader.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.miri.pixeldb.loader.db.HeldChunks;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.AckedChunk;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * The acknowledgements of one transaction, collected while it runs and published once it committed,
 * never before: an acknowledged chunk is in the database. A crash between the commit and the
 * publication loses nothing for good, because the Kafka offsets move only after the publication: the
 * replay finds the chunks in the ledger and acknowledges them again (readers count distinct indexes).
 */
public final class LoadAcks {

    private final Producer<String, byte[]> producer;
    private final String writer;
    private final AvroMessageCodec<LoadAck> codec = AvroMessageCodec.of(LoadAck.class);
    private final List<LoadAck.Builder> pending = new ArrayList<>();

    /** @param writer the instance, e.g. {@code ramp-writer@host/4242} */
    public LoadAcks(Producer<String, byte[]> producer, String writer) {
        this.producer = producer;
        this.writer = writer;
    }

    /** The key of every message about a product: its acknowledgements stay in order on one partition. */
    public static String key(String exposure, ProductKind kind) {
        return exposure + "/" + kind;
    }

    void held(HeldChunks chunks) {
        List<AckedChunk> acked = new ArrayList<>();
        for (int i = 0; i < chunks.indexes().size(); i++) {
            acked.add(new AckedChunk(chunks.indexes().get(i), chunks.ramps().get(i)));
        }
        pending.add(LoadAck.newBuilder().setExposure(chunks.exposure()).setProduct(chunks.kind())
                .setProductChecksum(chunks.checksum()).setChunkCount(chunks.chunkCount()).setChunks(acked));
    }

    void refused(String exposure, ProductKind kind, String checksum, String reason) {
        pending.add(LoadAck.newBuilder().setExposure(exposure).setProduct(kind).setProductChecksum(checksum)
                .setChunkCount(0).setChunks(List.of()).setRefusal(reason));
    }

    /** A loaded version the writer says more about: found identical to another object's, nothing of it stored. */
    void noted(String exposure, ProductKind kind, String checksum, String note) {
        pending.add(LoadAck.newBuilder().setExposure(exposure).setProduct(kind).setProductChecksum(checksum)
                .setChunkCount(0).setChunks(List.of()).setNote(note));
    }

    /** The transaction rolled back, or a new one starts: what it collected never happened. */
    void clear() {
        pending.clear();
    }

    /** Publishes after the commit and waits for Kafka; throws when Kafka refused, so that the batch is replayed. */
    void publish() throws InterruptedException, ExecutionException {
        Instant committedAt = Instant.now();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (LoadAck.Builder ack : pending) {
            LoadAck message = ack.setWriter(writer).setAt(committedAt).build();
            sent.add(producer.send(new ProducerRecord<>(Topic.LOAD_ACKS.topicName(),
                    key(message.getExposure(), message.getProduct()), codec.encode(message))));
        }
        pending.clear();
        for (Future<RecordMetadata> result : sent) {
            result.get();
        }
    }
}
