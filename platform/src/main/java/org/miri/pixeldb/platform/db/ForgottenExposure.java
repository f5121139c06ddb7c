package org.miri.pixeldb.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What deleting an exposure leaves to do in the deleting transaction (migration V17, which replaced the triggers on
 * {@code exposure} so that the table can become a Citus reference table, decision 0020): its refused versions are
 * forgotten and its deletion timed for the ingest status. Every path that deletes exposures calls it per name.
 */
public final class ForgottenExposure {

    private static final String FORGET = "select forget_exposure(?)";

    private ForgottenExposure() {
    }

    /** After {@code delete from exposure} of {@code name} in the same transaction; refused while it still exists. */
    public static void forget(Connection tx, String name) throws SQLException {
        try (PreparedStatement forget = tx.prepareStatement(FORGET)) {
            forget.setString(1, name);
            forget.execute();
        }
    }
}
