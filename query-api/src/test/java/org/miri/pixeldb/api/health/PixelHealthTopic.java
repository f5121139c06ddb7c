package org.miri.pixeldb.api.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.miri.pixeldb.platform.kafka.KafkaSettings;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.PixelHealthChange;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Reads {@code pixeldb.pixel-health} from its beginning to its end now, as a consumer of the changes would. */
final class PixelHealthTopic {

    /** One change and the record key it was published under. */
    record Published(String key, PixelHealthChange change) {
    }

    private PixelHealthTopic() {
    }

    static List<Published> all(String bootstrapServers) {
        Map<String, Object> config = KafkaSettings.consumer(bootstrapServers, null, 500);
        config.remove("group.id");
        AvroMessageCodec<PixelHealthChange> codec = AvroMessageCodec.of(PixelHealthChange.class);
        List<Published> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.PIXEL_HEALTH.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    published.add(new Published(record.key(), codec.decode(record.value())));
                }
            }
        }
        return published;
    }
}
