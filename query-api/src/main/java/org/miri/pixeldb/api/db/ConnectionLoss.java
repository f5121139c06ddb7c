package org.miri.pixeldb.api.db;

import java.sql.SQLException;

/**
 * Whether an error means the connection itself is gone, not that its statement failed: SQLSTATE class 08 (connection
 * exception; PgJDBC's I/O errors) or 57P01-57P03 (the server terminated the session, is shutting down or starting).
 */
final class ConnectionLoss {

    private ConnectionLoss() {
    }

    static boolean is(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
