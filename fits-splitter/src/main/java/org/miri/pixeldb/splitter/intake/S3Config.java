package org.miri.pixeldb.splitter.intake;

import io.smallrye.config.ConfigMapping;
import org.miri.pixeldb.platform.s3.BucketConfig;

/** The ingest bucket and how to reach it; documented key by key in application.properties. */
@ConfigMapping(prefix = "pixeldb.s3")
public interface S3Config extends BucketConfig {
}
