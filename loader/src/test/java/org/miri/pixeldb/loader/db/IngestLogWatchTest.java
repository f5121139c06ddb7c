package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * What {@code ./pixeldb ingest} and {@code bench} wait for ({@link IngestLogWatch}, local-stack) read from the entries
 * the writers keep ({@link IngestLog}): the outcome of the version just uploaded, never an earlier file's under the
 * same key (issue 13: it reported a changed file LOADED at once, with the old version's time).
 */
@ExtendWith(RealServersExtension.class)
class IngestLogWatchTest {

    private final IngestLog log = new IngestLog();

    @Test
    void aChangedFileUnderTheKeyOfALoadedOneIsReportedWithItsOwnOutcome(RealServers servers) throws Exception {
        String key = "watch/W_uncal.fits";
        try (Connection db = MigratedDatabase.connect(servers)) {
            long loaded = log.received(db, "bucket", key, "etag-old").id();
            log.update(db, loaded, FileState.LOADED, null, "W", ProductKind.RAW);
            long changed = log.received(db, "bucket", key, "etag-new").id();
            IngestLogWatch watch = new IngestLogWatch(db, Map.of(key, "etag-new"));
            assertEquals(Optional.empty(), watch.check(key), "the changed file is only RECEIVED");
            log.update(db, changed, FileState.REJECTED, "NGROUPS contradicts the exposure", "W", ProductKind.RAW);
            IngestLogWatch.Outcome outcome = watch.check(key).orElseThrow();
            assertEquals(List.of("REJECTED", "NGROUPS contradicts the exposure"), List.of(outcome.state(), outcome.reason()));
            // Without a known ETag (a caller that uploaded nothing), the latest final entry of the key.
            assertEquals("REJECTED", new IngestLogWatch(db).check(key).orElseThrow().state());
        }
    }
}
