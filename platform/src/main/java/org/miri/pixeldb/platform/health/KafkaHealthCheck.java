package org.miri.pixeldb.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.miri.pixeldb.platform.config.KafkaConfig;
import org.miri.pixeldb.platform.kafka.KafkaProbe;

/** Readiness of every service that talks to Kafka: the cluster answers within the timeout. */
@Readiness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    KafkaConfig kafka;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap", kafka.bootstrapServers());
        try {
            return response.withData("clusterId", KafkaProbe.clusterId(kafka.bootstrapServers(), kafka.healthTimeout()))
                    .up().build();
        } catch (Exception e) {
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
