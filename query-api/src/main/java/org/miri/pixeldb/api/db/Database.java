package org.miri.pixeldb.api.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.miri.pixeldb.api.config.ApiConfig;

/**
 * Connections for the API's queries, each under the configured statement timeout, so that no request can hold a
 * connection (and the pool) longer than that. Read connections are read-only and come from a login that may only
 * read; changes come from a second pool whose login may make exactly the API's changes (migration V11).
 */
@ApplicationScoped
public class Database {

    /** The name of the datasource of the API's changes (quarkus.datasource.write.*). */
    public static final String WRITE_POOL = "write";

    /** The name of the datasource of a pixel's life (quarkus.datasource.lookups.*): the read login, its own sessions. */
    public static final String LOOKUP_POOL = "lookups";

    private static final Logger LOG = Logger.getLogger(Database.class);

    /** Login pixeldb_api (role pixeldb_read): SELECT only, so a read path cannot change anything whatever it runs. */
    @Inject
    AgroalDataSource dataSource;

    /** Login pixeldb_api again, in sessions set up once for lookups ({@link LookupSessions}). */
    @Inject
    @io.quarkus.agroal.DataSource(LOOKUP_POOL)
    AgroalDataSource lookupSource;

    /** Login pixeldb_api_writer (role pixeldb_api_write): the API's own changes. */
    @Inject
    @io.quarkus.agroal.DataSource(WRITE_POOL)
    AgroalDataSource writeSource;

    // Its idle-in-transaction timeout: a streamed answer keeps its transaction open between fetches, so a client that
    // stops reading would hold it and its pooled connection for as long as it keeps the socket.
    @Inject
    ApiConfig config;

    /** A read-only connection in a transaction, so that PostgreSQL streams large results with a cursor. */
    public Connection read() throws SQLException {
        return open(dataSource, true, timeout(config.statementTimeout()));
    }

    /**
     * Runs the same few index lookups that are sent over and over (a pixel's life) in one transaction of a session of
     * the lookups pool, whose settings were made when the pool opened it ({@link LookupSessions}): the request's
     * statements are its only round trips. A lookup changes nothing, so a connection found lost, before or during it,
     * is replaced and the lookup run again: a PostgreSQL restart costs the requests in flight a retry, not a 500.
     */
    public <T> T lookup(Lookup<T> lookup) throws SQLException {
        return retryingLostConnections(lookupSource, "during a lookup", "running it again", () -> {
            try (Connection connection = lookupSource.getConnection()) {
                connection.setAutoCommit(false);
                return lookup.run(connection);
            }
        });
    }

    /** Read-only work on one connection, run again whole when the connection is lost. */
    @FunctionalInterface
    public interface Lookup<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A connection in a transaction for changes; the caller commits. */
    public Connection write(Duration timeout) throws SQLException {
        return open(writeSource, false, timeout(timeout));
    }

    // Read-only is set both ways: a pooled connection must not carry a reader's flag into a delete. The settings go in
    // one round trip, and "set local" ends with the transaction, so a pooled connection never carries them further.
    // They are also the first thing sent on a borrowed connection, so a connection the server dropped (a restart, a
    // failover, pg_terminate_backend) fails here, before anything ran: another connection is then just as good, and
    // the request is served instead of answering 500 once for every dead connection in the pool.
    private Connection open(AgroalDataSource pool, boolean readOnly, String settings) throws SQLException {
        return retryingLostConnections(pool, "before use", "taking another", () -> {
            Connection connection = pool.getConnection();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(readOnly);
                statement.execute(settings);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        });
    }

    // A lost connection is found by the next thing sent on it; the pool may hold several, so up to all of them and one
    // new one are tried. The idle ones are checked after the first loss, so that most requests meet at most one.
    private static <T> T retryingLostConnections(AgroalDataSource pool, String when, String then, Attempt<T> attempt)
            throws SQLException {
        int attempts = pool.getConfiguration().connectionPoolConfiguration().maxSize() + 1;
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!ConnectionLoss.is(e) || n == attempts) {
                    throw e;
                }
                LOG.warnf("connection lost %s (%s), %s; idle connections are checked", when, e.getSQLState(), then);
                pool.flush(AgroalDataSource.FlushMode.INVALID);
            }
        }
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private String timeout(Duration timeout) {
        return timeouts("set local", timeout, config.idleInTransactionTimeout());
    }

    /** The two timeouts of an API session as settings, for one transaction ("set local") or the session ("set"). */
    static String timeouts(String set, Duration statement, Duration idleInTransaction) {
        return set + " statement_timeout = " + Math.max(1, statement.toMillis()) + "; " + set
                + " idle_in_transaction_session_timeout = " + Math.max(1, idleInTransaction.toMillis());
    }
}
