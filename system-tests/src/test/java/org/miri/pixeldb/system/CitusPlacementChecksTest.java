package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServers;

/**
 * deploy/citus/distribute.sql up to where it needs Citus (its placement lists and the checks before anything moves),
 * run on a real PostgreSQL migrated to the newest migration: the schema of today passes (decision 0020, step 1 done),
 * and each thing the checks guard against stops it with its own message.
 */
class CitusPlacementChecksTest {

    /** Where the script starts calling Citus. */
    private static final String FIRST_CITUS_STEP = "-- The nodes.";

    private static RealServers servers;
    private static String url;

    @BeforeAll
    static void migrate() throws Exception {
        servers = RealServers.shared();
        String database = "citus_checks_" + Long.toHexString(System.nanoTime());
        try (Connection superuser = servers.superuserDataSource().getConnection()) {
            superuser.createStatement().execute("create database " + database);
        }
        url = servers.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure().dataSource(url, servers.jdbcUser(), servers.jdbcPassword()).load().migrate();
    }

    @Test
    void theMigratedSchemaPassesEveryCheck() throws Exception {
        runChecks();
    }

    @Test
    void aTableNoLinePlacesStopsIt() throws Exception {
        assertStops("create table forged_table (id int primary key)",
                "deploy/citus/distribute.sql places no line for: forged_table", "drop table forged_table");
    }

    @Test
    void aFunctionNoLinePlacesStopsIt() throws Exception {
        assertStops("create function forged_function(i int) returns int language sql as 'select i'",
                "deploy/citus/distribute.sql names functions the schema does not have: none; places no line for:"
                        + " forged_function(integer)", "drop function forged_function(int)");
    }

    @Test
    void aTriggerOnATableThatLeavesTheCoordinatorStopsIt() throws Exception {
        // The trigger's function in a schema of its own, so that only the trigger is new to the placement lists.
        assertStops("create schema forged; create function forged.tidy() returns trigger language plpgsql as"
                        + " 'begin return old; end'; create trigger forged_tidy after delete on exposure"
                        + " for each row execute function forged.tidy()",
                "tables that leave the coordinator still have triggers: exposure.forged_tidy",
                "drop schema forged cascade");
    }

    private static void assertStops(String change, String message, String undo) throws Exception {
        execute(change);
        try {
            SQLException stopped = assertThrows(SQLException.class, CitusPlacementChecksTest::runChecks);
            assertEquals("ERROR: " + message, stopped.getMessage().lines().findFirst().orElseThrow());
        } finally {
            execute(undo);
        }
    }

    /** In a session of its own: the script's placement lists are temporary tables. */
    private static void runChecks() throws Exception {
        String script = Files.readString(CitusPlacement.path());
        int end = script.indexOf(FIRST_CITUS_STEP);
        assertTrue(end > 0, "distribute.sql has no step '" + FIRST_CITUS_STEP + "'");
        execute(script.substring(0, end));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, servers.jdbcUser(), servers.jdbcPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
