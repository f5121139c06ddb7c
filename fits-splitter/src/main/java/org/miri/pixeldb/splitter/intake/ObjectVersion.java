package org.miri.pixeldb.splitter.intake;

import java.time.Instant;
import org.miri.pixeldb.platform.s3.ObjectCreatedEvent;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * One version of one object in the bucket: what the splitter processes once. A version is one upload:
 * the ETag (the content) and, where the store gives it, the modification time. The time matters because
 * the same content uploaded again after its exposure was deleted must load again (docs/ingest.md); a
 * replayed notification or a re-listing of the same upload has the same time and is still dropped.
 * Stores that list an object without an ETag (a file copied straight into S3Proxy's folder) get a
 * version made of size and modification time instead.
 */
public record ObjectVersion(String bucket, String key, String etag, long size, Instant lastModified) {

    /** The Kafka key of every record about this object: all its events land on one partition. */
    public String objectKey() {
        return ObjectCreatedEvent.recordKey(bucket, key);
    }

    public String version() {
        String mtime = lastModified == null ? "" : "-mtime-" + lastModified.toEpochMilli();
        if (etag != null && !etag.isBlank()) {
            return etag + mtime;
        }
        return "size-" + size + mtime;
    }

    public SourceObject toSource() {
        return SourceObject.newBuilder().setBucket(bucket).setKey(key).setEtag(etag).setSize(size)
                .setLastModified(lastModified).build();
    }

    public static ObjectVersion of(SourceObject source) {
        return new ObjectVersion(source.getBucket(), source.getKey(), source.getEtag(), source.getSize(),
                source.getLastModified());
    }
}
