package org.miri.pixeldb.splitter.intake;

import java.time.Instant;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * One version of one object in the bucket: what the splitter processes once. Stores that list an
 * object without an ETag (a file copied straight into S3Proxy's folder) get a version made of
 * size and modification time instead.
 */
public record ObjectVersion(String bucket, String key, String etag, long size, Instant lastModified) {

    /** The Kafka key of every record about this object: all its events land on one partition. */
    public String objectKey() {
        return bucket + "/" + key;
    }

    public String version() {
        if (etag != null && !etag.isBlank()) {
            return etag;
        }
        return "size-" + size + (lastModified == null ? "" : "-mtime-" + lastModified.toEpochMilli());
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
