package org.miri.pixeldb.api.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.PixelHealthChange;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Sends pixel-state changes to the pixel-health topic, keyed detector/row/col, and waits until the broker has them. */
@ApplicationScoped
public class HealthPublisher {

    private final AvroMessageCodec<PixelHealthChange> codec = AvroMessageCodec.of(PixelHealthChange.class);
    private KafkaProducer<String, byte[]> producer;

    @Inject
    KafkaConfig kafka;

    void publish(List<PixelHealthChange> changes) throws InterruptedException, ExecutionException {
        KafkaProducer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> sent = new java.util.ArrayList<>();
        for (PixelHealthChange change : changes) {
            String key = change.getDetector() + "/" + change.getRow() + "/" + change.getCol();
            sent.add(out.send(new ProducerRecord<>(Topic.PIXEL_HEALTH.topicName(), key, codec.encode(change))));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "query-api-health"));
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
