package org.miri.pixeldb.api.explorer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * The explorer's shell without a browser (so it is checked where no Chromium exists): every route answers the page of
 * its view under a script policy of this origin only, and everything the page loads is served.
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class ExplorerResourceTest {

    private static final Map<String, String> ROUTES = Map.of("/", "home", "/exposures/ANY%20NAME", "exposure",
            "/pixels/MIRIMAGE/800/10", "pixel", "/detectors/MIRIFULONG/health", "health", "/ingest", "ingest");

    @Test
    void everyRouteAnswersItsViewsShellAndEverythingItLoadsIsServed() {
        ROUTES.forEach((path, view) -> {
            String html = given().when().get(path + "?any=state&kept=for-the-page").then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .body(containsString("<body data-view=\"" + view + "\">")).extract().asString();
            Matcher loaded = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(html);
            int count = 0;
            while (loaded.find()) {
                given().when().get(loaded.group(1)).then().statusCode(200);
                count++;
            }
            assertTrue(count >= 5, "uPlot's CSS and script, the explorer's CSS, common.js and the view's module: " + count);
        });
        for (String module : new String[] {"common.js", "fits.js", "heatmap.js"}) {
            given().when().get("/explorer/" + module).then().statusCode(200).contentType(containsString("javascript"));
        }
    }

    @Test
    void theApiStillRefusesUnknownParametersThePagesIgnore() {
        given().queryParam("overlay", "JUMP_DET").when().get("/api/v1/exposures").then().statusCode(400)
                .body("parameter", equalTo("overlay"));
    }
}
