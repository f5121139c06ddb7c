package org.miri.pixeldb.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.miri.pixeldb.platform.kafka.KafkaProbe;

/** Readiness of every service that talks to Kafka: the cluster answers within the timeout. */
@Readiness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @ConfigProperty(name = "pixeldb.kafka.bootstrap-servers")
    String bootstrapServers;

    @ConfigProperty(name = "pixeldb.kafka.health-timeout", defaultValue = "PT3S")
    Duration timeout;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap", bootstrapServers);
        try {
            return response.withData("clusterId", KafkaProbe.clusterId(bootstrapServers, timeout)).up().build();
        } catch (Exception e) {
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
