package org.miri.pixeldb.api.explorer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.miri.pixeldb.api.health.HealthEvaluation;
import org.miri.pixeldb.api.testdata.PipelineLoader;
import org.miri.pixeldb.api.testdata.SharedExposure;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.Defect;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Product;
import org.miri.pixeldb.stack.synth.Scene;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;

/**
 * Issue 15: the explorer's pages in a real Chromium, on the shared SUB64 exposure loaded by the pipeline's own code.
 * Every table a page shows is compared value for value with what the API answers for the same view; the clicks go
 * from the home page to the exposure to a pixel. Screenshots are saved under target/explorer for review, and the
 * drawing times of the two measured views are printed and written to target/explorer/timings.txt (not asserted).
 */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplorerBrowserTest {

    private static final String NAME = "EXPLORER_SUB64";
    private static final String COPIES = "EXPLORER_LIFE_";
    private static final String FULL = "EXPLORER_FULL";
    private static final String SERIES = "EXPLORER_HEALTH_";
    private static final int SERIES_LENGTH = 5;
    private static final int LIFE = 100;
    private static final Path SHOTS = Path.of("target", "explorer");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    DataSource db = RealServers.shared().superuserDataSource();
    @Inject
    HealthEvaluation evaluation;
    @TestHTTPResource("/")
    URL base;
    private ExplorerBrowser browser;
    private final List<String> timings = new ArrayList<>();

    @BeforeAll
    void loadTheSharedExposureAndStartChromium() throws Exception {
        browser = ExplorerBrowser.start();
        SharedExposure.load(db, NAME);
        evaluation.evaluate(NAME);
        loadAHealthSeries();
        Files.createDirectories(SHOTS);
    }

    /** Five dated SUB64 exposures with known defects; pixel (800, 10) is HOT in the third and fourth only. */
    private void loadAHealthSeries() throws Exception {
        Path folder = Files.createTempDirectory("explorer-health");
        Scene scene = new Scene(1000, List.of(Defect.parse("HOT:800:10:3-4"), Defect.parse("WARM:795:21"),
                Defect.parse("DEAD:810:32"), Defect.parse("NOISY:820:43")), 1);
        for (int n = 1; n <= SERIES_LENGTH; n++) {
            ExposureSpec spec = new ExposureSpec(SERIES + n, Subarray.named("SUB64").orElseThrow(), 3, 10, "MIRIMAGE",
                    700 + n, scene.inSeries(n));
            Path uncal = JwstRawLayout.write(spec, folder);
            Path rateints = CorrectedProducts.write(spec, folder, EnumSet.of(Product.RATEINTS), true, false)
                    .get(Product.RATEINTS);
            PipelineLoader.load(db, uncal, "explorer/" + uncal.getFileName());
            PipelineLoader.load(db, rateints, "explorer/" + rateints.getFileName());
            evaluation.evaluate(SERIES + n);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        Files.write(SHOTS.resolve("timings.txt"), timings);
        try (Connection connection = db.getConnection()) {
            connection.createStatement().execute("with gone as (delete from exposure where name = '" + NAME + "' or name = '"
                    + FULL + "' or name like '" + COPIES + "%' or name like '" + SERIES + "%' returning name)"
                    + " select forget_exposure(name) from gone");
        }
    }

    @Test
    @Order(1)
    void theHomePageListsTheExposureAndLeadsToItsPageThenToAPixel() throws Exception {
        Page page = open("/?detector=MIRIMAGE&limit=1000");
        List<List<String>> listed = table(page, "exposures");
        assertTrue(listed.stream().anyMatch(r -> r.get(0).equals(NAME)), "home lists " + NAME + ": " + listed);
        shot(page, "home");
        page.click("a[href='/exposures/" + NAME + "']");
        ready(page);
        assertEquals(base.getPath() + "exposures/" + NAME, new URL(page.url()).getPath());
        // Hover the image's bottom-left pixel (FITS rows go up): the read-out names it and its value.
        JsonNode slopes = api("/exposures/" + NAME + "/slopes?integration=1");
        page.locator("canvas.heatmap").scrollIntoViewIfNeeded();
        var box = page.locator("canvas.heatmap").boundingBox();
        double zoom = box.width / 72;
        page.waitForSelector("#image[data-planes=read]", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.mouse().move(box.x + zoom * 9.5, box.y + box.height - zoom * 21.5);
        String readout = page.textContent("p.readout");
        JsonNode plane = slopes.get("planes").get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("row 800, column 10: (\\S+) ± ").matcher(readout);
        assertTrue(m.find(), readout);
        assertFloat(plane.get("sci").get(21).get(9), m.group(1), "hovered value");
        page.mouse().click(box.x + zoom * 9.5, box.y + box.height - zoom * 21.5);
        page.waitForURL("**/pixels/MIRIMAGE/800/10");
        ready(page);
        assertEquals("MIRIMAGE row 800, column 10", page.textContent("h1").replaceAll(" pixel id.*", "").trim());
        page.close();
    }

    @Test
    @Order(2)
    void theExposurePageShowsTheApisSlopesAndProvenanceForTheIntegrationInItsUrl() throws Exception {
        for (int integration : new int[] {1, 3}) {
            Page page = open("/exposures/" + NAME + "?integration=" + integration + "&scale=log&overlay=JUMP_DET");
            assertEquals(String.valueOf(integration), page.inputValue("select[name=integration]"));
            assertEquals("log", page.inputValue("select[name=scale]"));
            JsonNode plane = api("/exposures/" + NAME + "/slopes?integration=" + integration).get("planes").get(0);
            List<List<String>> rows = table(page, "slopes");
            assertEquals(64 * 72, rows.size());
            for (List<String> r : rows) {
                int y = Integer.parseInt(r.get(0)) - 779;
                int x = Integer.parseInt(r.get(1)) - 1;
                assertFloat(plane.get("sci").get(y).get(x), r.get(2), "SCI " + r);
                assertFloat(plane.get("err").get(y).get(x), r.get(3), "ERR " + r);
                assertEquals(plane.get("dq").get(y).get(x).asLong(), Long.parseLong(r.get(4)), "DQ " + r);
            }
            if (integration == 1) {
                JsonNode detail = api("/exposures/" + NAME);
                String products = page.textContent("#view");
                for (JsonNode p : detail.get("products")) {
                    assertTrue(products.contains(p.get("sourceKey").asText()), "provenance lists " + p.get("sourceKey"));
                    assertTrue(products.contains(p.get("checksum").asText()), "checksum of " + p.get("kind"));
                }
                assertTrue(page.isChecked("fieldset.overlays input[value=JUMP_DET]"), "the overlay named in the URL is on");
                assertTrue(page.textContent("fieldset.overlays").contains("JUMP_DET (" + countOf(plane, 1L << 2) + ")"),
                        page.textContent("fieldset.overlays"));
                shot(page, "exposure");
            }
            page.close();
        }
    }

    @Test
    @Order(3)
    void thePixelPageShowsTheApisRawCorrectedSlopesAndFlags() throws Exception {
        Page page = open("/pixels/MIRIMAGE/800/10?limit=1000");
        JsonNode life = api("/pixels/MIRIMAGE/800/10?limit=1000");
        List<List<String>> raw = new ArrayList<>();
        List<List<String>> corrected = new ArrayList<>();
        List<List<String>> slopes = new ArrayList<>();
        List<List<String>> pixeldq = new ArrayList<>();
        for (JsonNode e : life.get("exposures")) {
            String name = e.get("name").asText();
            pixeldq.add(List.of(name, text(e.get("dateObs")), text(e.get("pixeldq")), join(e.get("pixeldqFlags"))));
            for (JsonNode r : e.get("raw")) {
                for (int g = 0; g < r.get("samples").size(); g++) {
                    raw.add(List.of(name, r.get("integration").asText(), String.valueOf(g + 1),
                            r.get("samples").get(g).asText()));
                }
            }
            for (JsonNode r : e.get("corrected")) {
                for (int g = 0; g < r.get("sci").size(); g++) {
                    corrected.add(List.of(name, r.get("integration").asText(), String.valueOf(g + 1),
                            floatText(r.get("sci").get(g)), r.get("err").isNull() ? "" : floatText(r.get("err").get(g)),
                            r.get("groupdq").get(g).asText(), join(r.get("groupdqFlags").get(g))));
                }
            }
            for (JsonNode s : e.get("slopes")) {
                slopes.add(List.of(name, text(e.get("dateObs")), s.get("kind").asText(), text(s.get("integration")),
                        floatText(s.get("sci")), floatText(s.get("err")), s.get("dq").asText(), join(s.get("dqFlags"))));
            }
        }
        assertTrue(raw.stream().anyMatch(r -> r.get(0).equals(NAME)), "the shared exposure's ramps are in the life");
        assertEquals(normalised(raw), normalised(table(page, "raw")));
        assertEquals(normalised(corrected), normalised(table(page, "corrected")));
        assertEquals(normalised(slopes), normalised(table(page, "slopes")));
        assertEquals(normalised(pixeldq), normalised(table(page, "pixeldq")));
        shot(page, "pixel");
        page.close();
    }

    @Test
    @Order(4)
    void theHealthPageShowsTheCountsTrendsAndChangesTheApiServes() throws Exception {
        Page page = open("/detectors/MIRIMAGE/health?exposure=" + SERIES + 3);
        JsonNode trends = api("/detectors/MIRIMAGE/amplifiers?limit=1000");
        List<List<String>> counts = new ArrayList<>();
        for (JsonNode e : trends.get("exposures")) {
            List<String> row = new ArrayList<>(List.of(e.get("exposure").asText(), text(e.get("dateObs"))));
            for (String state : List.of("HOT", "WARM", "DEAD", "NOISY", "JUMPY")) {
                long n = 0;
                for (JsonNode a : e.get("amplifiers")) {
                    n += a.get("integration").asInt() == 1 ? a.get("counts").get(state).asLong() : 0;
                }
                row.add(String.valueOf(n));
            }
            counts.add(row);
        }
        assertEquals(counts, table(page, "counts"));
        JsonNode health = api("/detectors/MIRIMAGE/health?exposure=" + NAME);
        assertTrue(counts.stream().anyMatch(r -> r.get(0).equals(NAME) && r.get(2).equals(
                health.get("counts").get("HOT").asText())), "the exposure's HOT count is the health endpoint's");
        JsonNode changes = api("/detectors/MIRIMAGE/health/changes?exposure=" + SERIES + 3 + "&limit=10000");
        List<List<String>> shown = table(page, "changes");
        assertTrue(shown.stream().anyMatch(r -> r.get(0).equals("800, 10") && r.get(1).equals("healthy")
                && r.get(2).equals("HOT")), "the pixel turning HOT in the third exposure is listed: " + shown);
        assertEquals(changes.get("changes").size(), shown.size());
        for (int i = 0; i < shown.size(); i++) {
            JsonNode c = changes.get("changes").get(i);
            assertEquals(c.get("row").asText() + ", " + c.get("col").asText(), shown.get(i).get(0));
            assertEquals(c.get("states").isEmpty() ? "healthy" : join(c.get("states")), shown.get(i).get(2));
        }
        shot(page, "health");
        page.close();
    }

    @Test
    @Order(5)
    void theIngestPageShowsTheApisFilesAndRefreshes() throws Exception {
        Page page = open("/ingest");
        JsonNode ingest = api("/ingest?limit=200");
        if (ingest.get("products").isEmpty()) {
            assertTrue(page.textContent("#ingests").contains("No file in this state"));
        } else {
            assertEquals(ingest.get("products").size(), table(page, "ingest").size());
        }
        String before = page.textContent("#ingests p.hint");
        page.waitForFunction("t => document.querySelector('#ingests p.hint').textContent !== t", before);
        shot(page, "ingest");
        page.close();
    }

    @Test
    @Order(6)
    void apiErrorsAreShownInWordsAndTheKeyboardReachesAPixelFromTheImageAndTheJumpBox() throws Exception {
        Page page = open("/exposures/NO_SUCH_EXPOSURE");
        assertTrue(page.textContent("[role=alert]").contains("The API answered 404"), page.textContent("#view"));
        assertTrue(page.textContent("[role=alert]").contains("NO_SUCH_EXPOSURE"));
        page.navigate(base + "pixels/MIRIMAGE/0/10");
        ready(page);
        assertTrue(page.textContent("[role=alert]").contains("The API answered 400"), page.textContent("#view"));
        page.navigate(base + "exposures/" + NAME);
        ready(page);
        page.focus("canvas.heatmap");
        for (int i = 0; i < 9; i++) {
            page.keyboard().press("ArrowRight");
        }
        page.keyboard().press("Shift+ArrowUp");
        page.keyboard().press("Shift+ArrowUp");
        page.keyboard().press("ArrowUp");
        assertTrue(page.textContent("p.readout").startsWith("row 800, column 10: "), page.textContent("p.readout"));
        page.keyboard().press("Enter");
        page.waitForURL("**/pixels/MIRIMAGE/800/10");
        page.navigate(base.toString());
        ready(page);
        page.focus("input[name=pixelId]");
        page.keyboard().type(String.valueOf((800 - 1) * 1032 + 10));
        page.keyboard().press("Enter");
        page.waitForURL("**/pixels/MIRIMAGE/800/10");
        ready(page);
        assertFalse(page.locator("[role=alert]").isVisible());
        page.close();
    }

    @Test
    @Order(7)
    void timesThePixelPageAtAHundredExposuresAndTheFullFrameSlopeImage() throws Exception {
        for (int n = 2; n <= LIFE; n++) {
            String copy = COPIES + n;
            PipelineLoader.load(db, SharedExposure.file(SharedExposure.RAW), "explorer/" + copy + "_pipe.fits");
            PipelineLoader.load(db, SharedExposure.file(SharedExposure.RATEINTS), "explorer/" + copy + "_pipe_rateints.fits");
        }
        Path folder = Files.createTempDirectory("explorer-full");
        ExposureSpec spec = new ExposureSpec(FULL, Subarray.FULL, 2, 3, "MIRIMAGE", 15);
        Map<Product, Path> files = CorrectedProducts.write(spec, folder, EnumSet.of(Product.RATEINTS), true, false);
        PipelineLoader.load(db, files.get(Product.RATEINTS), "explorer/" + files.get(Product.RATEINTS).getFileName());
        String query = "?limit=" + LIFE + "&from=2018-03-08&to=2018-03-08T23:59:59";
        JsonNode life = api("/pixels/MIRIMAGE/800/10" + query);
        assertEquals(LIFE, life.get("exposures").size(), "the shared exposure and its copies hold the pixel");
        int samples = 0;
        for (JsonNode e : life.get("exposures")) {
            for (JsonNode r : e.get("raw")) {
                samples += r.get("samples").size();
            }
        }
        // Run 0 is the first view after the service started (its code not yet compiled by the JIT), reported apart.
        for (int run = 0; run <= 3; run++) {
            Page page = open("/pixels/MIRIMAGE/800/10" + query);
            assertEquals(samples, table(page, "raw").size());
            record(page, "pixel page, " + LIFE + " exposures (5 x 50 raw samples each, corrected and slopes), run " + run);
            page.close();
            page = open("/exposures/" + FULL + "?integration=2");
            assertEquals(1032 * 1024, (int) page.evaluate("document.querySelector('canvas.heatmap').width"
                    + " * document.querySelector('canvas.heatmap').height"));
            record(page, "exposure page, full-frame slope image, run " + run);
            if (run == 0) {
                shot(page, "exposure-full-frame");
            }
            page.close();
        }
    }

    private void record(Page page, String what) {
        String line = what + ": drawn " + page.evaluate("document.body.dataset.drawnAt") + " ms after navigation"
                + page.evaluate("performance.getEntriesByType('mark').map(m => ', ' + m.name + ' '"
                + " + Math.round(m.startTime)).join('')");
        System.out.println("explorer timing: " + line);
        timings.add(line);
    }

    private Page open(String path) {
        Page page = browser.page();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                System.out.println("browser console: " + m.text());
            }
        });
        page.navigate(base + path.substring(1));
        ready(page);
        return page;
    }

    private static void ready(Page page) {
        page.waitForSelector("body[data-ready=true]");
    }

    /** A page's table as text cells; a table behind a "Numbers" toggle is opened first, as a reader would. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> table(Page page, String name) {
        String toggle = "details[data-numbers=" + name + "]";
        if (page.locator(toggle).count() > 0 && page.locator(toggle + "[data-filled]").count() == 0) {
            page.click(toggle + " > summary");
            page.waitForSelector(toggle + "[data-filled]", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        }
        return (List<List<String>>) page.evaluate("name => [...document.querySelectorAll(`table[data-table=${name}]"
                + " tbody tr`)].map(r => [...r.cells].map(c => c.textContent))", name);
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static JsonNode api(String path) throws Exception {
        return JSON.readTree(given().accept("application/json").get("/api/v1" + path).then().statusCode(200)
                .extract().asString());
    }

    private static void assertFloat(JsonNode expected, String shown, String what) {
        if (expected.isNull()) {
            assertEquals("", shown, what);
        } else {
            assertEquals(expected.decimalValue().floatValue(), Float.parseFloat(shown), what);
        }
    }

    private static String floatText(JsonNode n) {
        return n == null || n.isNull() ? "" : String.valueOf(n.decimalValue().floatValue());
    }

    /**
     * Numbers as the value they denote, so that the page's shortest float32 text and Java's float text compare equal
     * exactly when they are the same float32 (integral values as integers: the page writes 0, Java 0.0).
     */
    private static List<List<String>> normalised(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(ExplorerBrowserTest::canonical).toList()).toList();
    }

    private static String canonical(String cell) {
        if (!cell.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return cell;
        }
        double d = Double.parseDouble(cell);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.valueOf(Float.parseFloat(cell));
    }

    /** How many pixels of a slope plane carry a DQ bit. */
    private static int countOf(JsonNode plane, long bit) {
        int n = 0;
        for (JsonNode row : plane.get("dq")) {
            for (JsonNode value : row) {
                n += (value.asLong() & bit) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isNumber() ? n.asText() : n.asText();
    }

    private static String join(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return String.join(" ", names);
    }
}
