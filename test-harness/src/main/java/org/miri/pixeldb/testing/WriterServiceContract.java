package org.miri.pixeldb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both writers: the health contract, sessions named after the service in pg_stat_activity, and the rights of their
 * login (pixeldb_loader, role pixeldb_load of migration V11: load and nothing more, no DDL, not the API's tables),
 * tried on the service's own pool as configured.
 */
public abstract class WriterServiceContract extends ServiceHealthContract {

    @Inject
    protected DataSource dataSource;

    /** The service's name: its consumer group, its ApplicationName without the pixeldb- prefix. */
    protected abstract String service();

    @Override
    protected List<String> readinessChecks() {
        return List.of("kafka", "Database connections health check");
    }

    @Override
    protected String livenessCheck() {
        return service() + " load loop";
    }

    /** Operators tell the services' sessions apart in pg_stat_activity by their application name. */
    @Test
    void itsSessionsNameTheServiceInPgStatActivity() throws Exception {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(
                     "select application_name, current_user from pg_stat_activity where pid = pg_backend_pid()")) {
            row.next();
            assertEquals("pixeldb-" + service(), row.getString(1));
            assertEquals("pixeldb_loader", row.getString(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select count(*) from api_token",
        "insert into api_token (sha256, role, label) values (repeat('0', 64), 'ADMIN', 'forged')",
        "insert into ingest_status_deletion (exposure_name, deleted_at) values ('forged', now())",
        "delete from ingest_status_deletion",
        "drop view ingest_status",
        "update detector set name = name",
        "delete from dq_flag",
        "create table forged (i int)",
        "drop table raw_ramp_strip",
        "truncate raw_ramp_strip",
        "alter table exposure add column forged int",
    })
    void itsLoginMayNotDoThis(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void itsLoginIsNotASuperuser() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select rolsuper, rolcreaterole from pg_roles where rolname = current_user")) {
            rs.next();
            assertFalse(rs.getBoolean(1), "superuser");
            assertFalse(rs.getBoolean(2), "may create roles");
        }
    }
}
