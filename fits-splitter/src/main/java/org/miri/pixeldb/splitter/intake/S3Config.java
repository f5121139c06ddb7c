package org.miri.pixeldb.splitter.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import org.miri.pixeldb.platform.s3.S3Endpoint;

/** The ingest bucket and how to reach it; documented key by key in application.properties. */
@ConfigMapping(prefix = "pixeldb.s3")
public interface S3Config {

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
