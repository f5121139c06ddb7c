package org.miri.pixeldb.exporter.config;

import io.smallrye.config.ConfigMapping;
import org.miri.pixeldb.platform.s3.BucketConfig;

/** The bucket the files go to (under exports/); documented key by key in application.properties. */
@ConfigMapping(prefix = "pixeldb.s3")
public interface S3Config extends BucketConfig {
}
