package org.miri.pixeldb.loader.ingest;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/** A decoded chunk with where it came from and when its producer sent it (the Kafka record's timestamp). */
public record Delivered<T>(T chunk, TopicPartition partition, long offset, Instant producedAt) {
}
