package org.miri.pixeldb.splitter.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only when the ingest bucket exists and our credentials are accepted for it. */
@Readiness
@ApplicationScoped
public class S3HealthCheck implements HealthCheck {

    @Inject
    S3Config config;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("s3").withData("bucket", config.bucket())
                .withData("endpoint", config.endpoint().orElse("AWS"));
        try (S3Client s3 = config.toEndpoint().client()) {
            s3.headBucket(b -> b.bucket(config.bucket()));
            return response.up().build();
        } catch (RuntimeException e) {
            return response.withData("error", String.valueOf(e.getMessage())).down().build();
        }
    }
}
