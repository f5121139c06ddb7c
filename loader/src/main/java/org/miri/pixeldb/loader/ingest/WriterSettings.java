package org.miri.pixeldb.loader.ingest;

import java.time.Duration;

/**
 * What a writer deployment configures (each service's application.properties documents the keys).
 *
 * @param bootstrapServers pixeldb.kafka.bootstrap-servers
 * @param maxPollRecords   pixeldb.writer.max-poll-records: records per poll, i.e. per database transaction
 * @param maxChunkWait     pixeldb.writer.max-chunk-wait: how long a chunk waits for its exposure record
 * @param sessionTimeout   pixeldb.kafka.session-timeout: how soon a dead instance's partitions go to the others
 *                         (validated by {@link org.miri.pixeldb.platform.kafka.KafkaSettings#consumer})
 */
public record WriterSettings(String bootstrapServers, int maxPollRecords, Duration maxChunkWait,
                             Duration sessionTimeout) {

    public WriterSettings {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("pixeldb.writer.max-poll-records must be at least 1, not " + maxPollRecords);
        }
        if (maxChunkWait.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("pixeldb.writer.max-chunk-wait must be at least PT10S (exposure records "
                    + "may trail their chunks by seconds), not " + maxChunkWait);
        }
    }
}
