package org.miri.pixeldb.writer.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 13, item 9: the writers connect as login pixeldb_loader (role pixeldb_load of migration V11), which may load
 * and nothing more: no DDL, not the API's tables. Tried on the service's pool as configured.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class LoaderRightsTest {

    @Inject
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {
        "select count(*) from api_token",
        "insert into api_token (sha256, role, label) values (repeat('0', 64), 'ADMIN', 'forged')",
        "insert into ingest_status (object_key) values ('forged')",
        "delete from ingest_status",
        "update detector set name = name",
        "delete from dq_flag",
        "create table forged (i int)",
        "drop table raw_ramp_strip",
        "truncate raw_ramp_strip",
        "alter table exposure add column forged int",
    })
    void theWritersLoginMayNotDoThis(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void itIsNotTheSuperuser() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_user, r.rolsuper from pg_roles r"
                     + " where r.rolname = current_user")) {
            rs.next();
            assertEquals("pixeldb_loader", rs.getString(1));
            assertFalse(rs.getBoolean(2));
        }
    }
}
