package org.miri.pixeldb.exporter.kafka;

import java.nio.file.Path;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts a finished file at its part's key. A part written again after a crash overwrites the same key, so the job's
 * folder never holds a part twice; a put is atomic, so a reader never sees half a file.
 */
final class PartUpload implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.apache.parquet";

    private final S3Client s3;
    private final String bucket;

    PartUpload(S3Endpoint endpoint) {
        this.s3 = endpoint.client();
        this.bucket = endpoint.bucket();
    }

    void put(String key, Path file) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(CONTENT_TYPE), RequestBody.fromFile(file));
    }

    @Override
    public void close() {
        s3.close();
    }
}
