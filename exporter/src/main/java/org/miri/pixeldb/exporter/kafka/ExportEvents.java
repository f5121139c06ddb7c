package org.miri.pixeldb.exporter.kafka;

import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ExportEvent;
import org.miri.pixeldb.schemas.ExportEventKind;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Reports what this exporter did with a part, keyed by job so that a job's events stay in order. */
final class ExportEvents {

    private static final AvroMessageCodec<ExportEvent> CODEC = AvroMessageCodec.of(ExportEvent.class);

    private final Producer<String, byte[]> producer;
    private final String exporter;

    ExportEvents(Producer<String, byte[]> producer, String exporter) {
        this.producer = producer;
        this.exporter = exporter;
    }

    ExportEvent.Builder about(ExportPart part, ExportEventKind kind) {
        return ExportEvent.newBuilder().setJobId(part.getJobId()).setPartIndex(part.getPartIndex()).setKind(kind)
                .setExporter(exporter).setAt(Instant.now());
    }

    /** Sends and waits for the broker: the part's offset is committed only after its DONE is on the topic. */
    void send(ExportEvent event) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(Topic.EXPORT_EVENTS.topicName(), event.getJobId(), CODEC.encode(event)))
                .get();
    }
}
