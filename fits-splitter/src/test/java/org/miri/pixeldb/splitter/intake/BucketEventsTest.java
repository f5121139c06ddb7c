package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notifications in the shapes MinIO and AWS publish them (samples in src/test/resources/bucket-events,
 * laid out as MinIO's bucket-notification guide and AWS's event-structure reference show them).
 */
class BucketEventsTest {

    @Test
    void aMinioPutGivesTheDecodedKeyTheEtagAndTheSize() throws Exception {
        List<ObjectVersion> versions = BucketEvents.parse(sample("minio-put.json"));
        assertEquals(List.of(new ObjectVersion("pixeldb-ingest", "jpl8/MIRI_5582_89_S_20180308-010230_SCE1.fits",
                "5d41402abc4b2a76b9719d911017c592", 2_885_760L, Instant.parse("2026-11-24T14:15:39.443Z"))), versions);
    }

    @Test
    void aMinioMultipartUploadDecodesPlusAsSpaceAndKeepsTheMultipartEtag() throws Exception {
        ObjectVersion version = BucketEvents.parse(sample("minio-multipart.json")).get(0);
        assertEquals("flight 2026/jw01024001001_02101_00001_mirimage+1_uncal.fits", version.key());
        assertEquals("1f9ae70259a36b5c1b5692f91386bb75-17", version.etag());
        assertEquals(264_241_920L, version.size());
    }

    @Test
    void anAwsPutIsReadTheSameWay() throws Exception {
        ObjectVersion version = BucketEvents.parse(sample("aws-put.json")).get(0);
        assertEquals("miri-calibration", version.bucket());
        assertEquals("jw01024/jw01024001001_02101_00001_mirimage_rateints.fits", version.key());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", version.etag());
    }

    @Test
    void deletesAndTheAwsTestEventYieldNothingAndAreNotErrors() throws Exception {
        assertEquals(List.of(), BucketEvents.parse(sample("minio-delete.json")));
        assertEquals(List.of(), BucketEvents.parse(sample("aws-test-event.json")));
    }

    @Test
    void whatThePollerPublishesParsesBackToTheSameVersion() throws Exception {
        ObjectVersion version = new ObjectVersion("pixeldb-ingest", "a b/c+d_uncal.fits", "abc-2", 42L,
                Instant.parse("2026-11-25T10:00:00Z"));
        assertEquals(List.of(version), BucketEvents.parse(BucketEvents.notification(version)));
    }

    @Test
    void somethingElseOnTheTopicIsMalformedWithTheReason() {
        var notJson = assertThrows(BucketEvents.MalformedEventException.class,
                () -> BucketEvents.parse("PUT jpl8/x.fits".getBytes()));
        assertTrue(notJson.getMessage().startsWith("not JSON"), notJson.getMessage());
        var noRecords = assertThrows(BucketEvents.MalformedEventException.class,
                () -> BucketEvents.parse("{\"Key\":\"b/x.fits\"}".getBytes()));
        assertEquals("no Records array: not an S3 event notification", noRecords.getMessage());
        var noKey = assertThrows(BucketEvents.MalformedEventException.class, () -> BucketEvents.parse(
                "{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}".getBytes()));
        assertEquals("an ObjectCreated record without s3.bucket.name or s3.object.key", noKey.getMessage());
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = BucketEventsTest.class.getResourceAsStream("/bucket-events/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Issue 13: these threw unchecked exceptions, retried for ever on the same notification. */
    @Test
    void aBadEventTimeOrKeyEscapeIsAMalformedEventNamingIt() {
        String time = "{\"Records\": [{\"eventName\": \"s3:ObjectCreated:Put\", \"eventTime\": \"yesterday\", "
                + "\"s3\": {\"bucket\": {\"name\": \"b\"}, \"object\": {\"key\": \"a.fits\"}}}]}";
        assertEquals("eventTime 'yesterday' is not an ISO-8601 instant", assertThrows(
                BucketEvents.MalformedEventException.class, () -> BucketEvents.parse(time.getBytes())).getMessage());
        String escape = "{\"Records\": [{\"eventName\": \"s3:ObjectCreated:Put\", "
                + "\"s3\": {\"bucket\": {\"name\": \"b\"}, \"object\": {\"key\": \"a%zz.fits\"}}}]}";
        assertTrue(assertThrows(BucketEvents.MalformedEventException.class,
                () -> BucketEvents.parse(escape.getBytes())).getMessage().startsWith(
                        "s3.object.key 'a%zz.fits' is not URL-encoded"));
    }
}
