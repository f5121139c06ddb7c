package org.miri.pixeldb.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The ingest-status topology's settings (keys {@code pixeldb.status.*}, decision 0009), documented once here. */
@ConfigMapping(prefix = "pixeldb.status")
public interface StatusConfig {

    /** false: this instance only serves table ingest_status; another deployment runs the topology. */
    @WithDefault("true")
    boolean enabled();

    /** Kafka Streams application id: the consumer group of all instances and the prefix of internal topics. */
    @WithDefault("pixeldb-ingest-status")
    String applicationId();

    /** Partitions of the repartition topic: the most instances that share the work; fixed once the topology ran. */
    @WithDefault("3")
    int partitions();

    /** Where RocksDB keeps the status store; absent: a fresh temporary directory per start, filled from the changelog. */
    Optional<String> stateDir();

    /** Pause before a failed stream thread (database or broker away) is replaced and retries. */
    @WithDefault("PT2S")
    Duration retryPause();
}
