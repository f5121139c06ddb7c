package org.miri.pixeldb.platform.s3;

/**
 * What lives where in the bucket: FITS files anywhere are ingested; everything under {@link #EXPORTS} is written by
 * the exporters and never ingested (the poller skips it; the compose file's notification is for *.fits only).
 */
public final class BucketLayout {

    /** Prefix of export files: {@code exports/{job}/{file}}. */
    public static final String EXPORTS = "exports/";

    private BucketLayout() {
    }

    public static String exportKey(String jobId, String fileName) {
        return EXPORTS + jobId + "/" + fileName;
    }

    public static boolean isExport(String key) {
        return key.startsWith(EXPORTS);
    }

    /**
     * Whether the intake is told of an object with this key, by a notification or by the listing: not a folder marker
     * ("prefix/", no object) and not an export file (our own output). Each S3 server's own artefacts come on top.
     */
    public static boolean isIntakeCandidate(String key) {
        return !key.endsWith("/") && !isExport(key);
    }
}
