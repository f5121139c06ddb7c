package org.miri.pixeldb.api.config;

import io.smallrye.config.ConfigMapping;
import org.miri.pixeldb.platform.s3.BucketConfig;

/** The bucket the export files are in (under exports/): the API streams and deletes them; keys documented in application.properties. */
@ConfigMapping(prefix = "pixeldb.s3")
public interface S3Config extends BucketConfig {
}
