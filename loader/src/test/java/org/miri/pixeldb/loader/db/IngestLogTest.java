package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
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
            assertEquals(FileState.RECEIVED, first.state());
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
            log.update(db, id, FileState.LOADING, null, "z", ProductKind.RAW);
            IngestEntry loaded = log.update(db, id, FileState.LOADED, null, null, null);
            assertEquals("z", loaded.exposureName());
            assertEquals("RAW", loaded.productKind());
            assertEquals(FileState.LOADED, loaded.state());
            assertNull(loaded.reason());
            IngestEntry rejected = log.update(db, id, FileState.REJECTED, "NAXIS3 missing", null, null);
            assertEquals("NAXIS3 missing", rejected.reason());
            assertEquals(rejected, log.find(db, "bucket", "states/z_uncal.fits", "e").orElseThrow());
        }
    }

    @Test
    void theTimeAFileEndedIsTheFirstTimeItDid(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            long id = log.received(db, "bucket", "ends/v_uncal.fits", "e").id();
            log.update(db, id, FileState.LOADING, null, "V", ProductKind.RAW);
            assertNull(ends(db, id)[0]);
            log.update(db, id, FileState.LOADED, null, null, null);
            OffsetDateTime loadedAt = ends(db, id)[0];
            assertNotNull(loadedAt);
            log.update(db, id, FileState.LOADED, null, null, null);
            assertEquals(loadedAt, ends(db, id)[0], "a replayed LOADED keeps the first time");
            assertNull(ends(db, id)[1]);
            log.update(db, id, FileState.REJECTED, "NGROUPS contradicts the exposure", null, null);
            assertNull(ends(db, id)[0]);
            assertNotNull(ends(db, id)[1]);
        }
    }

    @Test
    void aFileOfADeletedLoadThatComesAgainStartsAfreshAndOnlyThen(RealServers servers) throws Exception {
        try (Connection db = MigratedDatabase.connect(servers)) {
            long id = log.received(db, "bucket", "again/w_uncal.fits", "e").id();
            log.update(db, id, FileState.LOADED, null, "W_AGAIN", ProductKind.RAW);
            assertEquals(FileState.LOADED, log.received(db, "bucket", "again/w_uncal.fits", "e").state(),
                    "seen again while its exposure stands: it stays LOADED");
            try (Statement statement = db.createStatement()) {
                statement.execute("insert into ingest_status_deletion (exposure_name, deleted_at)"
                        + " values ('W_AGAIN', clock_timestamp()) on conflict (exposure_name)"
                        + " do update set deleted_at = excluded.deleted_at");
            }
            IngestEntry again = log.received(db, "bucket", "again/w_uncal.fits", "e");
            assertEquals(id, again.id());
            assertEquals(FileState.RECEIVED, again.state());
            assertNull(ends(db, id)[0]);
            assertEquals(again, log.received(db, "bucket", "again/w_uncal.fits", "e"), "started afresh once");
        }
    }

    /** loaded_at and ended_at of a file. */
    private static OffsetDateTime[] ends(Connection db, long id) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("select loaded_at, ended_at from ingest_log where id = " + id)) {
            row.next();
            return new OffsetDateTime[] {row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)};
        }
    }
}
