package org.miri.pixeldb.stack.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An S3 event notification as AWS and MinIO publish it ({@code {"Records": [{"eventName": "ObjectCreated:Put",
 * "s3": {"bucket": {"name"}, "object": {"key", "size", "eTag"}}}]}}, the key URL-encoded), for the local S3 server.
 * The object's ETag, size and modification time are those its listing shows (to the second), so that the splitter
 * takes a notified object and the same object found by its reconciling listing for one version.
 *
 * @param eventName e.g. ObjectCreated:Put, ObjectCreated:CompleteMultipartUpload, ObjectCreated:Copy
 */
public record ObjectCreatedEvent(String eventName, String bucket, String key, String etag, long size,
        Instant lastModified) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ObjectCreatedEvent {
        etag = etag == null ? null : etag.replace("\"", "");
        lastModified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The Kafka key: the bucket-events topic keys every record about an object by bucket/key (one partition). */
    public String recordKey() {
        return bucket + "/" + key;
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1").put("eventSource", "pixeldb:s3proxy").put("eventName", eventName);
        if (lastModified != null) {
            record.put("eventTime", lastModified.toString());
        }
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        ObjectNode object = s3.putObject("object")
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8)).put("size", size);
        if (etag != null) {
            object.put("eTag", etag);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
