package org.miri.pixeldb.api.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.chunk.CorrectedRampChunker;
import org.miri.pixeldb.fits.chunk.RawRampChunker;
import org.miri.pixeldb.fits.chunk.SlopeChunker;
import org.miri.pixeldb.fits.jwst.ClaimedProduct;
import org.miri.pixeldb.fits.jwst.ExposureMapper;
import org.miri.pixeldb.fits.structure.FileChecksum;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.schemas.SourceObject;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * Publishes what fits-splitter publishes for one file (RECEIVED, the exposure record, the chunks, then SPLIT with
 * the manifest, or REJECTED with the reason), with the splitter's own reading and chunking code, without S3: the
 * query API's tests of the ingest status drive real writers and the real topology with it (decision 0008's way).
 */
public final class SplitterStandIn implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public SplitterStandIn(String bootstrapServers) {
        producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "splitter-stand-in"));
    }

    public IngestEvent drop(Path file, String objectKey) throws Exception {
        String checksum = FileChecksum.sha256(file);
        // Each drop is an upload: the same content dropped again has the same ETag but a new modification time.
        SourceObject source = new SourceObject("test-bucket", objectKey, checksum.substring(0, 32), Files.size(file),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        publish(event(source, objectKey, IngestState.RECEIVED).build());
        try (ProductFile product = ProductReader.open(file, objectKey)) {
            Exposure exposure = ExposureMapper.toAvro(product.descriptor(), source, checksum, Instant.now());
            String name = exposure.getName();
            send(Topic.EXPOSURES, name, exposure);
            AtomicInteger chunks = new AtomicInteger();
            AtomicLong ramps = new AtomicLong();
            switch (product.descriptor().product()) {
                case RAW -> new RawRampChunker().chunks(product.raw(), name, checksum, (RawRampChunk c) -> {
                    send(Topic.RAW_RAMPS, name + "/" + c.getChunkIndex(), c);
                    chunks.incrementAndGet();
                    ramps.addAndGet((long) c.getRows() * c.getCols());
                });
                case RAMP -> new CorrectedRampChunker().chunks(product.corrected(), name, checksum, (CorrectedRampChunk c) -> {
                    send(Topic.CORRECTED_RAMPS, name + "/" + c.getChunkIndex(), c);
                    chunks.incrementAndGet();
                    ramps.addAndGet((long) c.getRows() * c.getCols());
                });
                case RATEINTS, RATE -> new SlopeChunker().chunks(product.slopes(), name, checksum, (SlopeChunk c) -> {
                    send(Topic.SLOPES, name + "/" + c.getChunkIndex(), c);
                    chunks.incrementAndGet();
                    ramps.addAndGet((long) c.getRows() * c.getCols());
                });
            }
            producer.flush();
            return publish(event(source, objectKey, IngestState.SPLIT).setExposure(name)
                    .setProduct(exposure.getProduct()).setProductChecksum(checksum).setChunkCount(chunks.get())
                    .setRampCount(ramps.get()).build());
        } catch (RejectedProductException e) {
            return publish(event(source, objectKey, IngestState.REJECTED).setReason(e.reason()).build());
        }
    }

    /** Fresh builders only: Avro's copying newBuilder(other) trips over Quarkus' test class loaders. */
    private static IngestEvent.Builder event(SourceObject source, String objectKey, IngestState state) {
        IngestEvent.Builder event = IngestEvent.newBuilder().setSource(source).setState(state).setAt(Instant.now());
        ClaimedProduct.of(objectKey).ifPresent(c -> event.setExposure(c.exposure()).setProduct(c.kind()));
        return event;
    }

    private IngestEvent publish(IngestEvent event) throws Exception {
        producer.send(new ProducerRecord<>(Topic.MANIFESTS.topicName(), event.getSource().getBucket() + "/"
                + event.getSource().getKey(), AvroMessageCodec.of(IngestEvent.class).encode(event))).get();
        return event;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(Topic topic, String key, SpecificRecord record) {
        byte[] value = ((AvroMessageCodec) AvroMessageCodec.of(record.getClass())).encode(record);
        producer.send(new ProducerRecord<>(topic.topicName(), key, value));
    }

    @Override
    public void close() {
        producer.close();
    }
}
