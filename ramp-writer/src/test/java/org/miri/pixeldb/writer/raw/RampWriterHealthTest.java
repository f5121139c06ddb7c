package org.miri.pixeldb.writer.raw;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class RampWriterHealthTest {

    @Inject
    DataSource dataSource;

    /** Operators tell the services' sessions apart in pg_stat_activity by their application name. */
    @Test
    void itsSessionsNameTheServiceInPgStatActivity() throws Exception {
        try (Connection db = dataSource.getConnection();
             ResultSet row = db.createStatement().executeQuery(
                     "select application_name from pg_stat_activity where pid = pg_backend_pid()")) {
            row.next();
            assertEquals("pixeldb-ramp-writer", row.getString(1));
        }
    }

    @Test
    void readyWhenKafkaAndPostgresAnswer() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
    }

    @Test
    void liveWhileItsLoadLoopRuns() {
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("checks.find { it.name == 'ramp-writer load loop' }.status", is("UP"));
    }

    @Test
    void findsTheSchemaTheDatabaseStepMigrated() throws Exception {
        RealServers servers = RealServers.shared();
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword());
             ResultSet rows = db.createStatement().executeQuery("select sca_id, name from detector order by sca_id")) {
            List<String> detectors = new ArrayList<>();
            while (rows.next()) {
                detectors.add(rows.getInt(1) + " " + rows.getString(2));
            }
            assertEquals(List.of("493 MIRIMAGE", "494 MIRIFULONG", "495 MIRIFUSHORT"), detectors);
        }
    }
}
