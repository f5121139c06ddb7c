package org.miri.pixeldb.exporter.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.miri.pixeldb.exporter.config.S3Config;
import org.miri.pixeldb.platform.health.BucketProbe;

/** Ready only when the bucket the files go to answers to our credentials. */
@Readiness
@ApplicationScoped
public class BucketHealthCheck implements HealthCheck {

    @Inject
    S3Config config;

    @Override
    public HealthCheckResponse call() {
        return BucketProbe.check(config);
    }
}
