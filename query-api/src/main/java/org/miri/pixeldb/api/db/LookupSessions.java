package org.miri.pixeldb.api.db;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.miri.pixeldb.api.config.ApiConfig;

/**
 * The settings of every session of the lookups pool, made once when the pool opens the connection. Made per request
 * instead ("set local" in each transaction), they were five more statements for every pixel's life and cost PostgreSQL
 * about a sixth of its throughput on the page's two lookups (docs/performance.md). Each is what the lookups need:
 * <ul>
 * <li>the statement and idle-in-transaction timeouts of every API query;</li>
 * <li>generic plans: planning each lookup for its parameters cost as much as running it;</li>
 * <li>REPEATABLE READ, so that the page's exposures and their values come from one snapshot, one version of every
 * product;</li>
 * <li>read-only transactions, on top of the login's SELECT-only role.</li>
 * </ul>
 * No other work uses these sessions, so the settings reach nothing else.
 */
@Singleton
@io.quarkus.agroal.DataSource(Database.LOOKUP_POOL)
public class LookupSessions implements AgroalPoolInterceptor {

    @Inject
    ApiConfig config;

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings());
        } catch (SQLException e) {
            // The pool then gives up on this connection; the request that asked for it fails with this cause.
            throw new IllegalStateException("could not set up a lookup session: " + e.getMessage(), e);
        }
    }

    String settings() {
        return Database.timeouts("set", config.statementTimeout(), config.idleInTransactionTimeout())
                + "; set plan_cache_mode = force_generic_plan"
                + "; set default_transaction_isolation = 'repeatable read'"
                + "; set default_transaction_read_only = on";
    }
}
