package org.miri.pixeldb.api.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whether files of an exposure are still on their way in (RECEIVED, SPLITTING or LOADING in ingest_log): its health is
 * evaluated once they have settled, not once per product. A full frame's uncal, ramp and rateints load together;
 * evaluating after each (quick-look fit included) cost the ingest a third of its time on two cores. A row not
 * updated for {@link #STALE_MINUTES} minutes (a writer gone) holds nothing up, nor does a row of a deleted load.
 */
final class FilesInFlight {

    static final int STALE_MINUTES = 5;
    // A file received but not yet read has no exposure name: its name starting with the exposure's (X_uncal.fits,
    // X_ramp.fits; the JPL X.fits, X_pipe.fits) makes it one of the exposure's.
    private static final String ANY = "select exists (select from ingest_log l where (l.exposure_name = ?"
            + " or l.exposure_name is null and starts_with(regexp_replace(l.object_key, '^.*/', ''), ?))"
            + " and l.state in ('RECEIVED', 'SPLITTING', 'LOADING')"
            + " and l.updated_at > now() - make_interval(mins => " + STALE_MINUTES + ")"
            + " and not file_of_deleted_load(l.exposure_name, l.received_at))";

    private FilesInFlight() {
    }

    static boolean any(Connection connection, String exposure) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ANY)) {
            query.setString(1, exposure);
            query.setString(2, exposure);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
