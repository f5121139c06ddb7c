package org.miri.pixeldb.splitter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What makes two sightings of an object the same upload (processed once) or two uploads (processed each). */
class ObjectVersionTest {

    static final Instant FIRST = Instant.parse("2026-11-30T10:00:00.123Z");

    @Test
    void theSameUploadSeenAgainIsTheSameVersion() {
        ObjectVersion listed = new ObjectVersion("b", "k.fits", "abc", 10, FIRST);
        ObjectVersion notified = ObjectVersion.of(listed.toSource());
        assertEquals(listed.version(), notified.version());
    }

    @Test
    void theSameContentUploadedAgainIsANewVersion() {
        // After DELETE /api/v1/exposures/X the same file dropped anew must load again.
        assertNotEquals(new ObjectVersion("b", "k.fits", "abc", 10, FIRST).version(),
                new ObjectVersion("b", "k.fits", "abc", 10, FIRST.plusSeconds(60)).version());
    }

    @Test
    void withoutAnEtagSizeAndTimeMakeTheVersion() {
        assertEquals("size-10-mtime-" + FIRST.toEpochMilli(), new ObjectVersion("b", "k.fits", null, 10, FIRST).version());
    }
}
