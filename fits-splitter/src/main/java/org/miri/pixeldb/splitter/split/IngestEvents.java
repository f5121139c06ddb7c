package org.miri.pixeldb.splitter.split;

import java.time.Instant;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.miri.pixeldb.fits.jwst.ClaimedProduct;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.splitter.intake.ObjectVersion;

/** Publishes what happened to an object version on the manifest topic, keyed by the object. */
final class IngestEvents {

    private final Producer<String, byte[]> producer;
    private final AvroMessageCodec<IngestEvent> codec = AvroMessageCodec.of(IngestEvent.class);

    IngestEvents(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** An event with the exposure and product the object's name claims, if any; a SPLIT event sets what the header says. */
    static IngestEvent.Builder about(ObjectVersion version, IngestState state) {
        IngestEvent.Builder event = IngestEvent.newBuilder().setSource(version.toSource()).setState(state)
                .setAt(Instant.now());
        ClaimedProduct.of(version.key()).ifPresent(claim -> event.setExposure(claim.exposure()).setProduct(claim.kind()));
        return event;
    }

    /** Sends and waits for Kafka's acknowledgement: a terminal event must never be lost. */
    IngestEvent publish(IngestEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.MANIFESTS.topicName(),
                ObjectVersion.of(event.getSource()).objectKey(), codec.encode(event));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientSplitFailure("interrupted while publishing an ingest event", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new TransientSplitFailure("Kafka refused an ingest event: " + e.getCause().getMessage(), e.getCause());
        }
        return event;
    }
}
