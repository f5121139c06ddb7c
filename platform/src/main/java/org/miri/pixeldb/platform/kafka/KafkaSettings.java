package org.miri.pixeldb.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The client settings every service shares, in one place: producers that never lose or duplicate a
 * record on retry, and consumers whose offsets move only when the service commits them itself.
 */
public final class KafkaSettings {

    static {
        // Every Kafka client of the project is configured here first: the codec must be chosen before Kafka's lz4
        // classes initialise (its decompressor is a static field).
        Lz4Natives.loaded();
    }

    private KafkaSettings() {
    }

    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        return producer(bootstrapServers, clientId, CompressionType.LZ4);
    }

    /**
     * For records that do not compress: raw ramps (16-bit detector counts with noise in the low bits) shrink by only
     * 5-8 % under lz4, which cost a fifth of the splitter's CPU and an eighth of the ramp writer's (profile of
     * 2026-12-05, docs/profiles/2026-12-05).
     */
    public static Map<String, Object> uncompressedProducer(String bootstrapServers, String clientId) {
        return producer(bootstrapServers, clientId, CompressionType.NONE);
    }

    /** A producer whose batches are compressed with the given codec (a service's configured choice). */
    public static Map<String, Object> producer(String bootstrapServers, String clientId, CompressionType compression) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression.name);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** The shortest and longest session a broker accepts by default (group.min/max.session.timeout.ms). */
    public static final Duration MIN_SESSION_TIMEOUT = Duration.ofSeconds(6);
    public static final Duration MAX_SESSION_TIMEOUT = Duration.ofMinutes(30);

    /**
     * A service's consumer: a member that stops heartbeating (a SIGKILLed or frozen instance) loses its partitions
     * to the group after {@code sessionTimeout} (key pixeldb.kafka.session-timeout). Kafka's own default, 45 s, is
     * that long a stall of a dead writer's partitions.
     */
    public static Map<String, Object> consumer(String bootstrapServers, String groupId, int maxPollRecords,
            Duration sessionTimeout) {
        if (sessionTimeout.compareTo(MIN_SESSION_TIMEOUT) < 0 || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
            throw new IllegalArgumentException("pixeldb.kafka.session-timeout must be between " + MIN_SESSION_TIMEOUT
                    + " and " + MAX_SESSION_TIMEOUT + " (the broker's default bounds), not " + sessionTimeout);
        }
        Map<String, Object> config = consumer(bootstrapServers, groupId, maxPollRecords);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        // A third of the session, as Kafka advises, so that one lost heartbeat does not cost the membership.
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) sessionTimeout.toMillis() / 3);
        return config;
    }

    /** Values stay bytes: each service decodes them itself, so one bad record cannot stop a poll. */
    public static Map<String, Object> consumer(String bootstrapServers, String groupId, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
