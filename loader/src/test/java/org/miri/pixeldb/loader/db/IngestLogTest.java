package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

@ExtendWith(RealServersExtension.class)
class IngestLogTest {

    private final IngestLog log = new IngestLog();

    @Test
    void anObjectSeenTwiceIsOneEntry(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            IngestEntry first = log.received(db, "bucket", "twice/x_uncal.fits", "etag-1");
            IngestEntry again = log.received(db, "bucket", "twice/x_uncal.fits", "etag-1");
            assertEquals(first, again);
            assertEquals(IngestState.RECEIVED, first.state());
            assertNotEquals(first.id(), log.received(db, "bucket", "twice/x_uncal.fits", "etag-2").id());
        }
    }

    @Test
    void objectsWithoutAnEtagAreOneEntryToo(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            long id = log.received(db, "bucket", "no-etag/y_uncal.fits", null).id();
            assertEquals(id, log.received(db, "bucket", "no-etag/y_uncal.fits", null).id());
        }
    }

    @Test
    void statesMoveOnAndKeepWhatIsKnown(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            long id = log.received(db, "bucket", "states/z_uncal.fits", "e").id();
            log.update(db, id, IngestState.SPLIT, null, "z", ProductKind.RAW);
            IngestEntry loaded = log.update(db, id, IngestState.LOADED, null, null, null);
            assertEquals("z", loaded.exposureName());
            assertEquals("RAW", loaded.productKind());
            assertEquals(IngestState.LOADED, loaded.state());
            assertNull(loaded.reason());
            IngestEntry rejected = log.update(db, id, IngestState.REJECTED, "NAXIS3 missing", null, null);
            assertEquals("NAXIS3 missing", rejected.reason());
            assertEquals(rejected, log.find(db, "bucket", "states/z_uncal.fits", "e").orElseThrow());
        }
    }
}
