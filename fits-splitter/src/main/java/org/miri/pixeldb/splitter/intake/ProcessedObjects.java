package org.miri.pixeldb.splitter.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/**
 * Which object versions some splitter instance has already finished (split, rejected or ignored),
 * read from the manifest topic, which every instance writes: so a version is processed once, across
 * restarts and instances, without a database of the splitter's own.
 */
public final class ProcessedObjects implements AutoCloseable {

    private final Map<String, String> finished = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroMessageCodec<IngestEvent> codec = AvroMessageCodec.of(IngestEvent.class);

    public ProcessedObjects(String bootstrapServers) {
        Map<String, Object> config = KafkaSettings.consumer(bootstrapServers, null, 5000);
        config.remove("group.id");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topic.MANIFESTS.topicName()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads everything written so far; call before the intake starts, then now and then. */
    public synchronized void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                remember(codec.decode(record.value()));
            }
        }
    }

    public void remember(IngestEvent event) {
        if (event.getState() != IngestState.RECEIVED) {
            ObjectVersion version = ObjectVersion.of(event.getSource());
            finished.put(version.objectKey(), version.version());
        }
    }

    public boolean isFinished(ObjectVersion version) {
        return version.version().equals(finished.get(version.objectKey()));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
