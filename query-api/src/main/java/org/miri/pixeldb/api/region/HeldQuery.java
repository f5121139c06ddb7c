package org.miri.pixeldb.api.region;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A read connection with its query already run, handed from the request (which ran it before the status line) to the
 * body writer. Exactly one of the two gives the connection back: the writer when it ran, else the end of the response
 * (a client that left before the body was written); never both, never while the other still uses it.
 */
final class HeldQuery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeldQuery.class);
    private static final int HELD = 0;
    private static final int WRITING = 1;
    private static final int CLOSED = 2;

    /** The query to run on the connection. */
    interface Opener {
        RampRows open(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final RampRows rows;
    private final AtomicInteger state = new AtomicInteger(HELD);

    private HeldQuery(Connection connection, RampRows rows) {
        this.connection = connection;
        this.rows = rows;
    }

    static HeldQuery open(Connection connection, Opener opener) throws SQLException {
        try {
            return new HeldQuery(connection, opener.open(connection));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** @throws SQLException when the response ended before the writer started (the connection is already back) */
    RampRows takeForWriting() throws SQLException {
        if (!state.compareAndSet(HELD, WRITING)) {
            throw new SQLException("the response ended before its body was written");
        }
        return rows;
    }

    void closeUnlessWriting() {
        if (state.compareAndSet(HELD, CLOSED)) {
            release();
        }
    }

    /** Called by the writer when done. */
    @Override
    public void close() {
        if (state.compareAndSet(WRITING, CLOSED)) {
            release();
        }
    }

    private void release() {
        try (connection) {
            rows.close();
        } catch (SQLException e) {
            LOG.debugf("closing a streamed query: %s", e.getMessage());
        }
    }
}
