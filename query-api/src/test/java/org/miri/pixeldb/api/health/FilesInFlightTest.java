package org.miri.pixeldb.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** An exposure's health waits for its files in flight, but not for a stale row nor for one of a deleted load. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class FilesInFlightTest {

    private static final String NAME = "INFLIGHT_SUB64";
    DataSource db = RealServers.shared().superuserDataSource();

    @AfterEach
    void forget() throws Exception {
        execute("delete from ingest_log where exposure_name = '" + NAME + "'");
        execute("delete from ingest_status_deletion where exposure_name = '" + NAME + "'");
    }

    @Test
    void onlyFreshRowsOnTheirWayInHoldTheEvaluation() throws Exception {
        assertEquals(false, inFlight(), "no file at all");
        file("a_uncal.fits", "LOADED", "now()");
        assertEquals(false, inFlight(), "everything settled");
        file("a_ramp.fits", "LOADING", "now()");
        assertEquals(true, inFlight(), "the ramp is loading");
        execute("update ingest_log set updated_at = now() - interval '" + (FilesInFlight.STALE_MINUTES + 1)
                + " minutes' where exposure_name = '" + NAME + "'");
        assertEquals(false, inFlight(), "a row nobody moved for minutes: its writer is gone");
        for (String state : List.of("RECEIVED", "SPLITTING", "LOADING")) {
            execute("update ingest_log set state = '" + state + "', updated_at = now() where object_key = 'a_ramp.fits'");
            assertEquals(true, inFlight(), state);
        }
        execute("update ingest_log set state = 'LOADED' where object_key = 'a_ramp.fits'");
        assertEquals(false, inFlight());
        // Received, not read yet: no exposure name, but the file's.
        execute("insert into ingest_log (bucket, object_key, etag, state) values ('b', 'drop/" + NAME
                + "_rateints.fits', 'e', 'RECEIVED')");
        assertEquals(true, inFlight(), "a file named after the exposure, not read yet");
        execute("update ingest_log set object_key = 'drop/OTHER_" + NAME + "_rateints.fits' where object_key = 'drop/"
                + NAME + "_rateints.fits'");
        assertEquals(false, inFlight(), "another exposure's file");
        execute("update ingest_log set exposure_name = '" + NAME + "' where object_key like 'drop/%'");
        execute("insert into ingest_status_deletion (exposure_name, deleted_at) values ('" + NAME + "', clock_timestamp())");
        assertEquals(false, inFlight(), "a file of the deleted load");
    }

    private boolean inFlight() throws Exception {
        try (Connection connection = db.getConnection()) {
            return FilesInFlight.any(connection, NAME);
        }
    }

    private void file(String key, String state, String updated) throws Exception {
        execute("insert into ingest_log (bucket, object_key, etag, exposure_name, product_kind, state, received_at,"
                + " updated_at) values ('b', '" + key + "', 'e', '" + NAME + "', 'RAW', '" + state + "', now() - interval"
                + " '1 minute', " + updated + ")");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
