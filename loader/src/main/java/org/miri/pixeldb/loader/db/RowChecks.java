package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a strip COPY without PostgreSQL's per-row foreign-key checks (decision 0025): half of a writer's PostgreSQL
 * time went into one "select ... for key share" on {@code product} per strip row. Safe only after the chunk's ledger
 * row was inserted in the same transaction, with its own check: that holds the product row until commit.
 * {@code set local} confines the mode to the transaction; it is switched back right after the COPY, so that the next
 * product's ledger rows are checked again. Where the login may not set it (migration V18 could not grant it), the
 * checks stay on.
 */
final class RowChecks {

    private static final String OFF = "set local session_replication_role = replica";
    private static final String ON = "set local session_replication_role = origin";
    private static final String ALLOWED = "select has_parameter_privilege('session_replication_role', 'SET')";

    /** A COPY (or other statements) to run without the per-row checks. */
    interface Copy {
        void run() throws SQLException, LoadException;
    }

    private Boolean allowed;

    /** Runs {@code copy} with the checks off when the login may turn them off; on failure the caller rolls back. */
    void skippedDuring(Connection connection, Copy copy) throws SQLException, LoadException {
        boolean skip = allowed(connection);
        if (skip) {
            execute(connection, OFF);
        }
        copy.run();
        if (skip) {
            execute(connection, ON);
        }
    }

    // The login's rights do not change under a running writer: asked once per writer.
    private boolean allowed(Connection connection) throws SQLException {
        if (allowed == null) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(ALLOWED)) {
                rs.next();
                allowed = rs.getBoolean(1);
            }
        }
        return allowed;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
