package org.miri.pixeldb.api.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.miri.pixeldb.api.db.Database;
import org.miri.pixeldb.api.config.ApiConfig;
import org.miri.pixeldb.api.health.HealthEvaluation;
import org.miri.pixeldb.platform.db.ForgottenExposure;

/**
 * Deletes an exposure in one transaction: its products cascade to every strip table and the chunk ledger, its
 * refused versions go with it and its deletion is timed for the ingest status ({@link ForgottenExposure}), its health
 * goes too (V13), and its ingest log, so that no table keeps a row of it. Readers see all of it or none. The pixel-state changes of the next exposure, computed
 * against this one, are published again against the one before it (decision 0017).
 */
@ApplicationScoped
public class ExposureDeletion {

    // The row lock waits for a writer promoting a product of the exposure, which locks the same row.
    private static final String LOCK = "select id from exposure where name = ? for update";
    // The files' log and status go with it (one store, V12); the topology writes a row anew when a file comes again.
    private static final String INGEST_LOG = "delete from ingest_log where exposure_name = ?";

    @Inject
    Database database;

    @Inject
    ApiConfig config;

    @Inject
    HealthEvaluation health;

    /** True when the exposure existed and is gone now. */
    public boolean delete(String name) throws SQLException {
        try (Connection connection = database.write(config.deleteTimeout())) {
            try {
                Long id = lock(connection, name);
                if (id == null) {
                    connection.rollback();
                    return false;
                }
                Optional<String> next = health.beforeDeletion(connection, name);
                update(connection, INGEST_LOG, name);
                ForgottenExposure.deleteWhere(connection, "e.id = ?", id);
                connection.commit();
                next.ifPresent(health::publishAfterDeletion);
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static Long lock(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void update(Connection connection, String sql, Object value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            statement.executeUpdate();
        }
    }
}
