package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersExtension;

/**
 * V12 makes ingest_log the one store of the ingest status: a database migrated to V11 with rows in both tables keeps
 * every file, the topology's progress moves into the writers' row of the same object version, and the status reads
 * as before through the view.
 */
@ExtendWith(RealServersExtension.class)
class OneIngestStateMigrationTest {

    @Test
    void theTopologysRowsMoveIntoTheLogAndTheStatusReadsAsBefore(RealServers servers) throws Exception {
        String database = "v12_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = servers.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Connection admin = DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(), servers.jdbcPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        try {
            Flyway.configure().dataSource(url, servers.jdbcUser(), servers.jdbcPassword()).target("11").load().migrate();
            try (Connection db = DriverManager.getConnection(url, servers.jdbcUser(), servers.jdbcPassword());
                 Statement statement = db.createStatement()) {
                statement.execute("insert into ingest_log (bucket, object_key, etag, exposure_name, product_kind, state)"
                        + " values ('b', 'jpl8/x_uncal.fits', 'e1', 'X', 'RAW', 'SPLIT'),"
                        + " ('b', 'other/ignored.txt', 'e3', null, null, 'IGNORED')");
                statement.execute("insert into ingest_status (exposure_name, product_kind, state, object_key, etag,"
                        + " chunk_count, chunks_loaded, ramps_loaded, received_at, loaded_at, revision) values"
                        + " ('X', 'RAW', 'LOADED', 'b/jpl8/x_uncal.fits', 'e1', 5, 5, 500, now(), now(), 4),"
                        + " ('X', 'RAMP', 'LOADING', 'b/jpl8/x_ramp.fits', 'e2', 9, 2, 200, now(), null, 6)");
            }
            Flyway.configure().dataSource(url, servers.jdbcUser(), servers.jdbcPassword()).load().migrate();
            try (Connection db = DriverManager.getConnection(url, servers.jdbcUser(), servers.jdbcPassword());
                 Statement statement = db.createStatement()) {
                assertEquals(List.of("b|jpl8/x_uncal.fits|e1|LOADED|5|5|4", "b|other/ignored.txt|e3|IGNORED|0|null|null",
                        "b|jpl8/x_ramp.fits|e2|LOADING|2|9|6"), rows(statement, "select bucket, object_key, etag,"
                        + " state, chunks_loaded, chunk_count, revision from ingest_log order by id"));
                assertEquals(List.of("RAW|b/jpl8/x_uncal.fits|LOADED|5", "RAMP|b/jpl8/x_ramp.fits|LOADING|2"),
                        rows(statement, "select product_kind, object_key, state, chunks_loaded from ingest_status"
                                + " order by id"));
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(servers.jdbcUrl(), servers.jdbcUser(),
                    servers.jdbcPassword()); Statement statement = admin.createStatement()) {
                statement.execute("drop database " + database + " with (force)");
            }
        }
    }

    private static List<String> rows(Statement statement, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    values.add(String.valueOf(rs.getObject(c)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
