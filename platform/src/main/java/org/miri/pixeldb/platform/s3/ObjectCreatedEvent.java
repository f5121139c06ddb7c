package org.miri.pixeldb.platform.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An S3 event notification as AWS and MinIO publish it ({@code {"Records": [{"eventName": "ObjectCreated:Put",
 * "s3": {"bucket": {"name"}, "object": {"key", "size", "eTag"}}}]}}, the key URL-encoded). Written by the splitter's
 * bucket poller and by the local S3 server, read by the splitter's intake (BucketEvents): one shape for all three.
 *
 * @param eventSource  who announces it, e.g. pixeldb:poller
 * @param eventName    e.g. ObjectCreated:Put, ObjectCreated:CompleteMultipartUpload, ObjectCreated:Copy
 * @param etag         without quotes, or null
 * @param lastModified written as the event time, which the intake reads as the version's time; null: none
 */
public record ObjectCreatedEvent(String eventSource, String eventName, String bucket, String key, String etag,
        long size, Instant lastModified) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Kafka key of every record about an object: all its events land on one partition. */
    public static String recordKey(String bucket, String key) {
        return bucket + "/" + key;
    }

    public String recordKey() {
        return recordKey(bucket, key);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1").put("eventSource", eventSource).put("eventName", eventName);
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
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
