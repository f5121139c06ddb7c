package org.miri.pixeldb.api.exposure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.api.testdata.TestTokens;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/** DELETE of a whole exposure: admin only, atomic, every table emptied of it. A copy of JPL8 is deleted. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExposureDeletionTest {

    private static final String NAME = "JPL8_COPY_TO_DELETE";
    /** Every table holding rows of an exposure, and how to count them. */
    private static final Map<String, String> COUNTS = Map.ofEntries(
            Map.entry("exposure", "select count(*) from exposure where name = ?"),
            Map.entry("product", "select count(*) from product p join exposure e on e.id = p.exposure_id where e.name = ?"),
            Map.entry("raw_ramp_strip", strips("raw_ramp_strip")),
            Map.entry("refout_ramp_strip", strips("refout_ramp_strip")),
            Map.entry("corrected_ramp_strip", strips("corrected_ramp_strip")),
            Map.entry("corrected_refout_strip", strips("corrected_refout_strip")),
            Map.entry("pixeldq_strip", strips("pixeldq_strip")),
            Map.entry("slope_strip", strips("slope_strip")),
            Map.entry("chunk_ledger", strips("chunk_ledger")),
            Map.entry("ingest_log", "select count(*) from ingest_log where exposure_name = ?"),
            Map.entry("refused_version", "select count(*) from refused_version where exposure = ?"));

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();

    private static String strips(String table) {
        return "select count(*) from " + table + " s where s.product_id in (select p.id from product p join exposure e"
                + " on e.id = p.exposure_id where e.name = ?)";
    }

    @Test
    void deletingNeedsTheAdminTokenThenRemovesEveryRowAtomically() throws Exception {
        SharedExposure.load(db, NAME);
        SharedExposure.load(db, SharedExposure.NAME);
        try (Connection c = db.getConnection(); PreparedStatement log = c.prepareStatement("insert into ingest_log"
                + " (bucket, object_key, exposure_name, product_kind, state) values ('b', ?, ?, 'RAW', 'LOADED')")) {
            log.setString(1, "jpl8/" + NAME + "_pipe.fits");
            log.setString(2, NAME);
            log.executeUpdate();
        }
        assertEquals(1, count("exposure"));
        assertEquals(3, count("product"));
        long strips = count("raw_ramp_strip");

        given().when().delete("/api/v1/exposures/" + NAME).then().statusCode(401)
                .body("parameter", is("Authorization"));
        given().auth().oauth2("not-a-known-token").when().delete("/api/v1/exposures/" + NAME).then().statusCode(401);
        given().auth().oauth2(TestTokens.reader(db)).when().delete("/api/v1/exposures/" + NAME).then().statusCode(403)
                .body("parameter", is("Authorization"));
        assertEquals(strips, count("raw_ramp_strip"), "refused deletes delete nothing");

        given().auth().oauth2(TestTokens.admin(db)).when().delete("/api/v1/exposures/" + NAME).then().statusCode(200)
                .body("deleted", is(NAME));
        for (String table : COUNTS.keySet()) {
            assertEquals(0, count(table), table + " still holds rows of the deleted exposure");
        }
        given().when().get("/api/v1/exposures/" + NAME).then().statusCode(404).body("parameter", is("name"));
        given().when().get("/api/v1/exposures").then().statusCode(200).body("exposures.name", not(hasItem(NAME)));
        given().auth().oauth2(TestTokens.admin(db)).when().delete("/api/v1/exposures/" + NAME).then().statusCode(404);
        // The shared exposure under its own name is untouched.
        given().when().get("/api/v1/pixels/MIRIMAGE/779/1").then().statusCode(200)
                .body("exposures.name", hasItem(SharedExposure.NAME));
    }

    private long count(String table) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(COUNTS.get(table))) {
            query.setString(1, NAME);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
