package org.miri.pixeldb.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.miri.pixeldb.platform.s3.BucketConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The readiness answer of a service that uses the bucket: up only when the bucket exists and our credentials are
 * accepted for it. Each such service wraps it in its own {@code @Readiness} bean (the writers have no bucket).
 */
public final class BucketProbe {

    private BucketProbe() {
    }

    public static HealthCheckResponse check(BucketConfig config) {
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
