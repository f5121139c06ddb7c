package org.miri.pixeldb.platform.kafka;

/** The bucket object a record was made from: where a dead letter's content ultimately comes from. */
public record ObjectOrigin(String bucket, String key, String etag) {
}
