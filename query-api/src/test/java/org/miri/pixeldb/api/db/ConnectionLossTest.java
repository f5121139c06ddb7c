package org.miri.pixeldb.api.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The server drops every pooled connection of the API (what a PostgreSQL restart or failover does to them): the
 * requests that follow must be answered from new connections, with the same content, not with a 500 per dead one.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ConnectionLossTest {

    private static final String PIXEL = "/api/v1/pixels/MIRIFULONG/780/2";

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    @Test
    void requestsAfterTheServerDroppedThePoolsConnectionsAreServed() throws Exception {
        SyntheticExposures.load(db);
        String expected = given().when().get(PIXEL).then().statusCode(200).extract().asString();
        assertTrue(expected.contains("\"exposures\":[{"), expected);
        // Concurrent requests leave several connections in the pool, all of which the server then drops.
        List<CompletableFuture<Integer>> concurrent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            concurrent.add(CompletableFuture.supplyAsync(() -> given().when().get(PIXEL).statusCode()));
        }
        for (CompletableFuture<Integer> status : concurrent) {
            assertEquals(200, status.get());
        }
        assertTrue(terminateApiSessions() >= 2, "the pool held fewer than 2 connections");
        for (int i = 0; i < 20; i++) {
            assertEquals(expected, given().when().get(PIXEL).then().statusCode(200).extract().asString(), "request " + i);
        }
    }

    // As the superuser: the API's logins may not end each other's sessions.
    private int terminateApiSessions() throws Exception {
        try (Connection admin = db.getConnection();
                Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid))"
                        + " from pg_stat_activity where application_name = 'pixeldb-query-api'"
                        + " and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
