package org.miri.pixeldb.api.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the ingest-status topology. */
final class StatusStreamsConfig {

    private StatusStreamsConfig() {
    }

    /** @param stateDir where RocksDB keeps the store; unset: a fresh directory, filled from the changelog at start */
    static Properties of(String bootstrapServers, String applicationId, Optional<String> stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.orElseGet(StatusStreamsConfig::freshDirectory));
        // At least once: every input may be applied twice, which the status tolerates; exactly-once would
        // need transactions on a broker whose transaction log has enough replicas.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        // A status of an exposure loaded before this application existed is built from the whole topics.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    private static String freshDirectory() {
        try {
            return Files.createTempDirectory("pixeldb-ingest-status").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
