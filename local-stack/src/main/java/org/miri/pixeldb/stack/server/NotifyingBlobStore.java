package org.miri.pixeldb.stack.server;

import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.miri.pixeldb.platform.s3.BucketLayout;
import org.miri.pixeldb.platform.s3.ObjectCreatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3Proxy's store with the notifications S3 itself sends: every object created by a PUT, a completed multipart
 * upload or a copy is announced once it is complete. Folder markers, S3Proxy's multipart stubs and the exporter's own
 * output are not announced, as the splitter's listing skips them too.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);
    /** S3Proxy's handler keeps each multipart upload in progress as a stub object of this prefix (private there). */
    static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";
    private final Consumer<ObjectCreatedEvent> publisher;

    NotifyingBlobStore(BlobStore delegate, Consumer<ObjectCreatedEvent> publisher) {
        super(delegate);
        this.publisher = publisher;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        announce("ObjectCreated:Put", request.bucket(), request.key());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        announce("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key());
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        announce("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
        return response;
    }

    private void announce(String eventName, String bucket, String key) {
        if (!BucketLayout.isIntakeCandidate(key) || key.startsWith(MULTIPART_STUB_PREFIX)) {
            return;
        }
        try {
            // What a listing would show for the object now (its time to the second), so that the splitter takes the
            // notified object and the same object found by its reconciling listing for one version.
            HeadObjectResponse head = delegate().blobMetadata(bucket, key);
            publisher.accept(new ObjectCreatedEvent("pixeldb:s3proxy", eventName, bucket, key,
                    head.eTag() == null ? null : head.eTag().replace("\"", ""), head.contentLength(),
                    head.lastModified() == null ? null : head.lastModified().truncatedTo(ChronoUnit.SECONDS)));
        } catch (RuntimeException e) {
            // The upload stands; the splitter's reconciling listing finds the object without its notification.
            LOG.warn("no notification for {}/{}: {}", bucket, key, e.toString());
        }
    }
}
