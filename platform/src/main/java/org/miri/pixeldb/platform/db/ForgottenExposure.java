package org.miri.pixeldb.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting exposures and what that leaves to do, in one statement (migration V17, which replaced the triggers on
 * {@code exposure} so that the table can become a Citus reference table, decision 0020): each deleted exposure's
 * refused versions are forgotten and its deletion timed for the ingest status. Every path that deletes exposures goes
 * through it, so none can delete without forgetting.
 */
public final class ForgottenExposure {

    // forget_exposure, volatile, sees the deletion of the statement that calls it.
    private static final String DELETE = "with gone as (delete from exposure e where %s returning e.name)"
            + " select name, forget_exposure(name) from gone";

    private ForgottenExposure() {
    }

    /**
     * @param condition  over {@code exposure e}, with {@code ?} for the parameters: a fixed text of the caller's,
     *                   never a value
     * @return the names of the exposures deleted
     */
    public static List<String> deleteWhere(Connection tx, String condition, Object... parameters) throws SQLException {
        try (PreparedStatement delete = tx.prepareStatement(String.format(DELETE, condition))) {
            for (int i = 0; i < parameters.length; i++) {
                delete.setObject(i + 1, parameters[i]);
            }
            List<String> names = new ArrayList<>();
            try (ResultSet gone = delete.executeQuery()) {
                while (gone.next()) {
                    names.add(gone.getString(1));
                }
            }
            return names;
        }
    }
}
