package org.miri.pixeldb.api.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.miri.pixeldb.api.db.Database;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.testdata.SyntheticExposures;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * 1,500 randomized malformed requests with a fixed seed: bad numbers, huge and inverted ranges, SQL metacharacters,
 * unknown flags, bad paging tokens and bearer tokens, wrong methods; since issue 13 also unknown and repeated
 * parameters, NUL bytes, forged Host headers, Accept q-values, crafted cursors and dates beyond the database's range. None may answer 5xx, every error must be JSON
 * naming the parameter at fault, and no query of the API may run longer than its statement timeout: pg_stat_activity
 * is watched all along.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class MalformedRequestFuzzTest {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 1500;
    private static final String[] BAD = {"-1", "0", "99999999999", "1e5", "NaN", "", " ", "1.5", "0x10", "'", "\"",
        "' or 1=1--", "1; drop table exposure;--", "%27", "$(id)", "../../etc/passwd", "\u00e9\u00e8", "\u0000",
        "1:", ":", "5:1", "1:99999", "-5:-1", "1:2:3", "x".repeat(5000), "null", "[]", "{}", "JUMP_DET", "MIRIMAGE",
        "2018-13-45", "9999-99-99T99:99", "\t", "+", "*", "%", "_", "\\", "1,2,3", "NOT_A_FLAG,JUMP_DET",
        // Issue 13: dates beyond PostgreSQL's range, and paging tokens crafted around the API's own format.
        "+1000000-01-01T00:00:00Z", "0000-01-01", "-infinity", "infinity", "2018-03-08T01:02:30+99:00",
        cursor("c1|+1000000-01-01T00:00:00Z|5"), cursor("c1|2018-03-08|5"), cursor("c1|a\u0000b|5"),
        cursor("c1|9223372036854775807|-1"), cursor("c2|x|1"), cursor("c1||")};
    private static final String[] PARAMS = {"detector", "subarray", "readpatt", "expType", "origin", "from", "to",
        "loaded", "sort", "limit", "cursor", "integration", "include", "flag", "noflag", "format", "rows", "cols",
        "kind", "product", "flags", "Limit", "detectr", "state", "", "x%00y"};
    /** Accept headers with qualities, some refusing everything the API serves. */
    private static final String[] ACCEPT = {"text/html", "application/xml", "*/*", "application/fits", "text/csv;q=0.5",
        "garbage", "application/json;q=0", "application/json;q=0, text/csv;q=0, application/fits;q=0", "*/*;q=0",
        "text/csv;q=2", "text/csv;q=abc", "text/*;q=0.3, application/json;q=0.2", "image/fits;q=1.000"};

    // Fixtures go in as the superuser: the API's own pool may only read.
    DataSource db = RealServers.shared().superuserDataSource();
    @Inject
    Database database;
    @ConfigProperty(name = "pixeldb.api.statement-timeout")
    Duration timeout;

    @Test
    void noMalformedRequestCrashesAndEveryErrorNamesItsParameter() throws Exception {
        SyntheticExposures.load(db);
        Random random = new Random(SEED);
        try (QueryWatch watch = QueryWatch.start(db)) {
            send(random);
            // A query the timeout cancels may show a few milliseconds past it before the cancel lands.
            assertTrue(watch.longest().compareTo(timeout.plusSeconds(1)) < 0, "an API query ran "
                    + watch.longest() + ", past the statement timeout " + timeout);
            assertEquals(0, watch.stillRunning(), "API queries still running after the last answer");
        }
    }

    @Test
    void everyConnectionOfTheApiRunsUnderItsTimeout() throws Exception {
        try (Connection read = database.read(); Connection write = database.write(Duration.ofMinutes(5))) {
            assertEquals(timeout.toMillis() + "ms", setting(read, "statement_timeout"));
            assertEquals("300000ms", setting(write, "statement_timeout"));
        }
        assertEquals(List.of(timeout.toMillis() + "ms", "force_generic_plan", "repeatable read", "on"),
                database.lookup(lookups -> List.of(setting(lookups, "statement_timeout"),
                        setting(lookups, "plan_cache_mode"), setting(lookups, "transaction_isolation"),
                        setting(lookups, "transaction_read_only"))));
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select setting || coalesce(unit, '') from pg_settings"
                        + " where name = '" + name + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void send(Random random) {
        List<String> failures = new ArrayList<>();
        int errors = 0;
        for (int n = 0; n < REQUESTS; n++) {
            RequestSpecification request = given().redirects().follow(false);
            for (int p = random.nextInt(4); p > 0; p--) {
                String name = pick(random, PARAMS);
                request.queryParam(name, pick(random, BAD));
                if (random.nextInt(6) == 0) {
                    request.queryParam(name, pick(random, BAD)); // repeated
                }
            }
            if (random.nextInt(8) == 0) {
                request.header("Host", pick(random, new String[] {"evil.example", "evil.example:666"}));
            }
            if (random.nextInt(5) == 0) {
                request.header("Authorization", pick(random, new String[] {"Bearer " + pick(random, BAD), "Basic x",
                    "Bearer", "bearer bootstrap-admin-token-for-tests'", "Token abc"}));
            }
            if (random.nextInt(6) == 0) {
                request.header("Accept", pick(random, ACCEPT));
            }
            String path = path(random);
            String method = random.nextInt(8) == 0 ? pick(random, new String[] {"POST", "PUT", "PATCH", "DELETE"}) : "GET";
            Response response = request.request(method, path);
            int status = response.statusCode();
            String what = method + " " + shorten(path) + " -> " + status + " " + shorten(response.asString());
            if (status >= 500) {
                failures.add(what);
            } else if (status < 300 && response.asString().contains("evil.example")) {
                failures.add("a link to the forged Host: " + what);
            } else if (status >= 400) {
                errors++;
                String parameter = response.contentType().startsWith("application/json")
                        ? response.jsonPath().getString("parameter") : null;
                if (parameter == null || parameter.isBlank()) {
                    failures.add("no parameter named: " + what);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(errors > REQUESTS / 2, "most requests must be refused, not " + errors);
    }

    private static String path(Random random) {
        String bad = java.net.URLEncoder.encode(pick(random, BAD), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        String exposure = random.nextBoolean() ? SyntheticExposures.FULONG : bad;
        return switch (random.nextInt(10)) {
            case 0 -> "/api/v1/pixels/" + bad + "/" + (770 + random.nextInt(20)) + "/" + random.nextInt(80);
            case 1 -> "/api/v1/pixels/MIRIFULONG/" + bad + "/" + bad;
            case 2 -> "/api/v1/pixels/" + bad;
            case 3 -> "/api/v1/pixels/MIRIFULONG/" + (random.nextInt(2000) - 500) + "/" + (random.nextInt(2000) - 500)
                    + (random.nextBoolean() ? "/slopes" : "");
            case 4 -> "/api/v1/exposures";
            case 5 -> "/api/v1/exposures/" + exposure;
            case 6 -> "/api/v1/exposures/" + exposure + "/ramps";
            case 7 -> "/api/v1/exposures/" + exposure + "/slopes";
            case 8 -> "/api/v1/exposures/" + exposure + "/flags";
            default -> "/api/v1/" + bad;
        };
    }

    private static String cursor(String plain) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String shorten(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }
}
