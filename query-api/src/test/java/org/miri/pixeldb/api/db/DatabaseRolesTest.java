package org.miri.pixeldb.api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 13, item 9: the API's pools connect as logins of migration V11's roles, not as the superuser. Its read pool
 * may not change anything, whatever SQL a read path ran; its write pool may make the API's changes and no others.
 * Every statement below is tried on the pools exactly as the service configured them.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class DatabaseRolesTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String READ_ONLY_TRANSACTION = "25006";

    @Inject
    AgroalDataSource readPool;

    @Inject
    @io.quarkus.agroal.DataSource(Database.WRITE_POOL)
    AgroalDataSource writePool;

    @Inject
    @io.quarkus.agroal.DataSource(Database.LOOKUP_POOL)
    AgroalDataSource lookupPool;

    @Inject
    Database database;

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into exposure (name, sca_id) values ('forged', 494)",
        "insert into api_token (sha256, role, label) values (repeat('0', 64), 'ADMIN', 'forged')",
        "insert into ingest_log (bucket, object_key, state) values ('forged', 'forged', 'RECEIVED')",
        "update exposure set name = name",
        "delete from ingest_log",
        "delete from exposure",
        "select forget_exposure('forged')",
        "truncate raw_ramp_strip",
        "create table forged (i int)",
        "drop table api_token",
        "alter table exposure add column forged int",
        "grant pixeldb_api_write to current_user",
    })
    void theReadPoolMayNotChangeAnything(String sql) throws Exception {
        assertRefused(readPool, sql, INSUFFICIENT_PRIVILEGE);
        // The lookups' sessions are read-only (LookupSessions), which refuses most first; beneath it is the same login.
        assertRefused(lookupPool, sql, READ_ONLY_TRANSACTION, INSUFFICIENT_PRIVILEGE);
        assertEquals(user(readPool), user(lookupPool));
    }

    @Test
    void theApisReadConnectionRefusesAnInsert() throws Exception {
        try (Connection connection = database.read()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> execute(connection, "insert into exposure (name, sca_id) values ('forged', 494)"));
            // The read-only transaction refuses first (25006); beneath it, the login's role would (42501).
            assertEquals("25006", refused.getSQLState(), refused.getMessage());
            connection.rollback();
        }
        try (Connection connection = live(readPool); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from exposure where name = 'forged'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into raw_ramp_strip select * from raw_ramp_strip limit 0",
        "insert into refused_version (exposure, kind, checksum, reason) values ('x', 'RAW', repeat('0', 64), 'forged')",
        "update product set kind = kind",
        "delete from api_token",
        "truncate ingest_log",
        "create table forged (i int)",
        "drop view ingest_status",
        "alter table exposure add column forged int",
    })
    void theWritePoolMayMakeOnlyTheApisChanges(String sql) throws Exception {
        assertRefused(writePool, sql, INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void noPoolIsASuperuserAndEachNamesTheService() throws Exception {
        for (AgroalDataSource pool : new AgroalDataSource[] {readPool, lookupPool, writePool}) {
            try (Connection connection = live(pool); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                         + " current_setting('application_name') from pg_roles r where r.rolname = current_user")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "superuser");
                assertFalse(rs.getBoolean(2), "may create roles");
                assertFalse(rs.getBoolean(3), "may create databases");
                assertEquals("pixeldb-query-api", rs.getString(4));
            }
        }
    }

    // Another test class may have ended the pools' sessions (ConnectionLossTest): a pooled connection that fails a
    // trivial query is closed (the driver marks it broken, so the pool drops it) and the next one taken, as
    // Database does for the API's requests.
    private static Connection live(AgroalDataSource pool) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            Connection connection = pool.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select 1");
                return connection;
            } catch (SQLException e) {
                connection.close();
                if (!ConnectionLoss.is(e) || attempt > pool.getConfiguration().connectionPoolConfiguration().maxSize()) {
                    throw e;
                }
            }
        }
    }

    private static void assertRefused(AgroalDataSource pool, String sql, String... sqlStates) throws SQLException {
        try (Connection connection = live(pool)) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(connection, sql));
            assertTrue(List.of(sqlStates).contains(refused.getSQLState()), refused.getSQLState() + ": "
                    + refused.getMessage());
        }
    }

    private static String user(AgroalDataSource pool) throws SQLException {
        try (Connection connection = live(pool); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
