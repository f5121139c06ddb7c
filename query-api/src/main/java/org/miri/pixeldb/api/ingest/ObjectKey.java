package org.miri.pixeldb.api.ingest;

/**
 * An object of the ingest bucket as the status names it, {@code bucket/key} ({@link ManifestTransition#objectKey}),
 * taken apart for the log's columns: a bucket name has no slash, so the first one separates them.
 */
record ObjectKey(String bucket, String key) {

    static ObjectKey parse(String objectKey) {
        int slash = objectKey.indexOf('/');
        if (slash <= 0 || slash == objectKey.length() - 1) {
            throw new IllegalArgumentException("object key '" + objectKey + "' is not bucket/key");
        }
        return new ObjectKey(objectKey.substring(0, slash), objectKey.substring(slash + 1));
    }
}
