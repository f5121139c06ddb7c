package org.miri.pixeldb.api.export;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.ExportPart;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * Publishes a job's parts to the export-requests topic and waits until the broker has them all. Part i goes to
 * partition (offset + i) mod partitions: consecutive partitions belong to different exporters (round-robin
 * assignment), so one job's parts spread over every worker instead of landing where their keys hash.
 */
@ApplicationScoped
public class ExportPublisher {

    private final AvroMessageCodec<ExportPart> codec = AvroMessageCodec.of(ExportPart.class);
    private KafkaProducer<String, byte[]> producer;

    @Inject
    KafkaConfig kafka;

    public void publish(List<ExportPart> parts) throws InterruptedException, ExecutionException {
        KafkaProducer<String, byte[]> out = producer();
        String topic = Topic.EXPORT_REQUESTS.topicName();
        int partitions = out.partitionsFor(topic).size();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ExportPart part : parts) {
            int partition = Math.floorMod(part.getJobId().hashCode() + part.getPartIndex(), partitions);
            sent.add(out.send(new ProducerRecord<>(topic, partition, part.getJobId() + "/" + part.getPartIndex(),
                    codec.encode(part))));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "query-api-exports"));
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
