package org.miri.pixeldb.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The Kafka settings every service shares (keys {@code pixeldb.kafka.*}, documented in each service's
 * application.properties and the README's Configure table). Injected where a service builds its clients, so that the
 * keys and their defaults are declared once.
 */
@ConfigMapping(prefix = "pixeldb.kafka")
public interface KafkaConfig {

    /** Bootstrap servers, host:port[,host:port...]. */
    String bootstrapServers();

    /** How long the readiness check waits for Kafka before it reports DOWN. */
    @WithDefault("PT3S")
    Duration healthTimeout();

    /**
     * How long a consumer group waits for a silent instance before its partitions go to the others; PT6S..PT30M,
     * checked when the consumers are built ({@code KafkaSettings}), at start.
     */
    @WithDefault("PT15S")
    Duration sessionTimeout();
}
