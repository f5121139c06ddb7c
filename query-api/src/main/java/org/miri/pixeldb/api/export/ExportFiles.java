package org.miri.pixeldb.api.export;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.miri.pixeldb.api.config.S3Config;
import org.miri.pixeldb.platform.s3.BucketLayout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The export files in the bucket: streamed to clients, and deleted with their job or when their job is gone. */
@ApplicationScoped
public class ExportFiles {

    @Inject
    S3Config config;

    private S3Client s3;

    /** The file's bytes, streamed from the bucket; the caller closes the stream. */
    public InputStream open(String key) {
        return client().getObject(b -> b.bucket(config.bucket()).key(key));
    }

    /** Deletes every file under the job's prefix (a part written after the listing is deleted by the fold). */
    public void deleteJob(String jobId) {
        String prefix = BucketLayout.exportKey(jobId, "");
        for (var page : client().listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix))) {
            // One delete per file: multi-object delete needs checksum headers that not every S3 server takes alike.
            for (S3Object object : page.contents()) {
                delete(object.key());
            }
        }
    }

    public void delete(String key) {
        client().deleteObject(b -> b.bucket(config.bucket()).key(key));
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            s3 = config.toEndpoint().client();
        }
        return s3;
    }

    @PreDestroy
    synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
