package org.miri.pixeldb.splitter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.platform.s3.ObjectCreatedEvent;

/**
 * The S3 event-notification JSON that AWS and MinIO send ({@code {"Records": [{"eventName":
 * "s3:ObjectCreated:Put" or "ObjectCreated:Put", "s3": {"bucket": {"name"}, "object": {"key",
 * "size", "eTag"}}}]}}; MinIO adds "EventName" and "Key" at the top). Keys arrive URL-encoded, spaces
 * as '+'. AWS's "s3:TestEvent" carries no records and yields none. The bucket poller writes the same
 * shape, so both paths feed one intake.
 */
public final class BucketEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST_EVENT = "s3:TestEvent";

    private BucketEvents() {
    }

    /** @return the object-created versions in the notification; other events (deletes) are skipped */
    public static List<ObjectVersion> parse(byte[] json) throws MalformedEventException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new MalformedEventException("not JSON: " + e.getMessage());
        }
        // AWS sends this once when a notification is configured: nothing to ingest, nothing wrong.
        if (root != null && TEST_EVENT.equals(root.path("Event").asText())) {
            return List.of();
        }
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            throw new MalformedEventException("no Records array: not an S3 event notification");
        }
        List<ObjectVersion> versions = new ArrayList<>();
        for (JsonNode record : records) {
            if (!record.path("eventName").asText().contains("ObjectCreated")) {
                continue;
            }
            JsonNode object = record.path("s3").path("object");
            String bucket = record.path("s3").path("bucket").path("name").asText(null);
            String key = object.path("key").asText(null);
            if (bucket == null || key == null) {
                throw new MalformedEventException("an ObjectCreated record without s3.bucket.name or s3.object.key");
            }
            String etag = object.path("eTag").asText(object.path("etag").asText(null));
            versions.add(new ObjectVersion(bucket, decodedKey(key), etag == null ? null : etag.replace("\"", ""),
                    object.path("size").asLong(), eventTime(record)));
        }
        return versions;
    }

    private static String decodedKey(String key) throws MalformedEventException {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("s3.object.key '" + key + "' is not URL-encoded: " + e.getMessage());
        }
    }

    private static Instant eventTime(JsonNode record) throws MalformedEventException {
        if (!record.hasNonNull("eventTime")) {
            return null;
        }
        String text = record.get("eventTime").asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("eventTime '" + text + "' is not an ISO-8601 instant");
        }
    }

    /** The notification AWS would send for this version; what the poller publishes. */
    public static byte[] notification(ObjectVersion version) {
        return new ObjectCreatedEvent("pixeldb:poller", "ObjectCreated:Put", version.bucket(), version.key(),
                version.etag(), version.size(), version.lastModified()).toJson();
    }

    /** A message on the bucket-events topic that is not an S3 notification. */
    public static final class MalformedEventException extends Exception {
        public MalformedEventException(String reason) {
            super(reason);
        }
    }
}
