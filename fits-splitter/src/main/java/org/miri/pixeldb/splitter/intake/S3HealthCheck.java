package org.miri.pixeldb.splitter.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.miri.pixeldb.platform.health.BucketProbe;

/** Ready only when the ingest bucket exists and our credentials are accepted for it. */
@Readiness
@ApplicationScoped
public class S3HealthCheck implements HealthCheck {

    @Inject
    S3Config config;

    @Override
    public HealthCheckResponse call() {
        return BucketProbe.check(config);
    }
}
