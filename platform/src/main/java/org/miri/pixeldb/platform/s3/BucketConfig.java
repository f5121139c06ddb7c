package org.miri.pixeldb.platform.s3;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The bucket keys ({@code pixeldb.s3.*}) of every service that uses the bucket, declared once. Not a mapping itself:
 * each such service declares {@code @ConfigMapping(prefix = "pixeldb.s3") interface S3Config extends BucketConfig},
 * so that services without a bucket (the writers) are not asked for its secrets at start.
 */
public interface BucketConfig {

    /** S3 API endpoint; absent for AWS itself. */
    Optional<String> endpoint();

    @WithDefault("us-east-1")
    String region();

    @WithDefault("pixeldb-ingest")
    String bucket();

    String accessKey();

    String secretKey();

    default S3Endpoint toEndpoint() {
        return new S3Endpoint(endpoint().orElse(null), region(), bucket(), accessKey(), secretKey());
    }
}
