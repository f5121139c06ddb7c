package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.miri.pixeldb.testing.RealServers;

/** The test JVM's real PostgreSQL, migrated once with the platform's Flyway migrations, as the services do at start. */
final class MigratedDatabase {

    private static boolean migrated;

    private MigratedDatabase() {
    }

    static synchronized Connection connect(RealServers servers) throws SQLException {
        if (!migrated) {
            Flyway.configure().dataSource(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword()).load()
                    .migrate();
            migrated = true;
        }
        return DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword());
    }
}
