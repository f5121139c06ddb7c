package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.testing.parquet.ParquetTable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Issue 16: the shared JPL8 SUB64 exposure (RAW from the {@code _pipe.fits}, RAMP, RATEINTS) loaded into a running
 * stack and exported to Parquet the user's way ({@code ./pixeldb export}), each file read back with parquet-java
 * ({@link ParquetTable}, independent of the exporter's DuckDB) and compared value for value, by bits for floats, with
 * the FITS files read by nom-tam-fits; then a region export through the REST API holds exactly that region.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@StackTest
class ExportTest {

    static final String NAME = JplExposure.NAME;
    static final Path DATA = JplExposure.DATA;
    static final String PIPE = NAME + "_pipe.fits";
    static final String RAMP = NAME + "_pipe_ramp.fits";
    static final String RATEINTS = NAME + "_pipe_rateints.fits";
    static final int NINTS = 5;
    static final int NGROUPS = 50;
    static final int NY = 64;
    static final int NX = 72;
    static final int FIRST_ROW = 779;
    static final int REFOUT_COLS = NX / 4;
    static final Instant DATE_OBS = Instant.parse("2018-03-08T01:02:30Z");   // DATE-OBS and TIME-OBS of the files
    static final Map<String, Long> RAMPS_PER_PRODUCT = Map.of("RAW", (long) NINTS * NY * NX,
            "REFOUT", (long) NINTS * NY * REFOUT_COLS, "RAMP", (long) NINTS * NY * NX, "RATEINTS", (long) NINTS * NY * NX);
    static final Pattern DONE_LINE = Pattern.compile("(?m)^export (\\S+) DONE: (\\d+) files, (\\d+) rows");

    @RegisterExtension
    static final RunningStack stack = RunningStack.forJplExposure("export-stack");

    @TempDir
    static Path temp;

    static int[][][][] rawSci;
    static int[][][][] rawRefout;
    static float[][][][] rampSci;
    static float[][][][] rampErr;
    static byte[][][][] rampGroupdq;
    static int[][] rampPixeldq;
    static float[][][][] slopes;   // SCI, ERR, VAR_POISSON, VAR_RNOISE of the RATEINTS file, [plane][int][y][x]
    static int[][][] slopeDq;

    @BeforeAll
    static void loadTheExposure() throws Exception {
        for (String file : List.of(PIPE, RAMP, RATEINTS)) {
            stack.upload("export/" + file, DATA.resolve(file));
        }
        for (String file : List.of(PIPE, RAMP, RATEINTS)) {
            assertEquals("LOADED", stack.awaitFinalState("export/" + file, Duration.ofMinutes(3)), file);
        }
        rawSci = JplExposure.unsigned(DATA.resolve(PIPE), "SCI");
        rawRefout = JplExposure.unsigned(DATA.resolve(PIPE), "REFOUT");
        rampSci = (float[][][][]) FitsArrays.image(DATA.resolve(RAMP), "SCI");
        rampErr = (float[][][][]) FitsArrays.image(DATA.resolve(RAMP), "ERR");
        rampGroupdq = (byte[][][][]) FitsArrays.image(DATA.resolve(RAMP), "GROUPDQ");
        rampPixeldq = (int[][]) FitsArrays.image(DATA.resolve(RAMP), "PIXELDQ");
        slopes = new float[4][][][];
        List<String> planes = List.of("SCI", "ERR", "VAR_POISSON", "VAR_RNOISE");
        for (int p = 0; p < 4; p++) {
            slopes[p] = (float[][][]) FitsArrays.image(DATA.resolve(RATEINTS), planes.get(p));
        }
        slopeDq = (int[][][]) FitsArrays.image(DATA.resolve(RATEINTS), "DQ");
    }

    @Test
    @Order(1)
    void pixeldbExportWritesEveryRampOfEveryProductAsTheFilesHoldIt() throws Exception {
        Path folder = temp.resolve("full");
        long started = System.nanoTime();
        PixelDbCli.Result export = stack.cli.run("export", "--exposure", NAME, "--products", "RAW,REFOUT,RAMP,RATEINTS",
                "-o", folder.toString());
        System.out.printf("export test: ./pixeldb export of 4 products took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertEquals(0, export.exitCode(), export.output());
        Matcher done = DONE_LINE.matcher(export.output());
        assertTrue(done.find(), "no DONE line: " + export.output());
        JsonNode job = job(done.group(1));
        assertEquals("DONE", job.path("state").asText(), job.toString());
        long total = RAMPS_PER_PRODUCT.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(total, job.path("pricedRows").asLong(), "priced rows: every ramp of the four products");
        assertEquals(total, job.path("rowsDone").asLong(), job.toString());
        assertEquals(total, Long.parseLong(done.group(3)), export.output());
        assertEquals(0, job.path("skipped").size(), "skipped: " + job.path("skipped"));
        assertEquals(job.path("files").size(), Integer.parseInt(done.group(2)));

        Set<String> checksums = Set.of(sha256(DATA.resolve(PIPE)), sha256(DATA.resolve(RAMP)), sha256(DATA.resolve(RATEINTS)));
        Map<String, Set<List<Integer>>> seen = new LinkedHashMap<>();
        RAMPS_PER_PRODUCT.keySet().forEach(product -> seen.put(product, new HashSet<>()));
        long rows = 0;
        for (JsonNode file : job.path("files")) {
            String product = file.path("product").asText();
            assertEquals(NAME, file.path("exposure").asText(), file.toString());
            Path path = folder.resolve(file.path("name").asText());
            assertTrue(Files.isRegularFile(path), "downloaded: " + path);
            assertEquals(file.path("bytes").asLong(), Files.size(path), file.toString());
            ParquetTable table = ParquetTable.read(path);
            assertEquals(file.path("rows").asLong(), table.rows().size(), file.toString());
            assertMetadata(table, product, checksums);
            assertColumnTypes(table, product);
            assertOrdered(table, file.path("name").asText());
            for (Map<String, Object> row : table.rows()) {
                assertRowEqualsTheFiles(product, row);
                List<Integer> key = List.of((Integer) row.get("integration"), (Integer) row.get("row"), (Integer) row.get("col"));
                assertTrue(seen.get(product).add(key), product + " ramp exported twice: " + key);
            }
            rows += table.rows().size();
            System.out.printf("export test: %s (%s) %d rows, %d bytes, equal to the FITS files%n", file.path("name").asText(),
                    product, table.rows().size(), Files.size(path));
        }
        for (var product : RAMPS_PER_PRODUCT.entrySet()) {
            assertEquals(product.getValue(), (long) seen.get(product.getKey()).size(), product.getKey() + " ramps in the files");
        }
        assertEquals(job.path("pricedRows").asLong(), rows, "rows in the files against the priced rows");
    }

    @Test
    @Order(2)
    void aRegionExportThroughTheApiHoldsExactlyThatRegion() throws Exception {
        String admin = stack.status.path("adminToken").asText();
        String body = "{\"exposures\": [\"" + NAME + "\"], \"products\": [\"RAW\"], \"rows\": \"790:801\", "
                + "\"cols\": \"3:10\", \"integration\": \"2\"}";
        HttpResponse<String> created = http(HttpRequest.newBuilder(api("/api/v1/exports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, created.statusCode(), created.body());
        String id = new ObjectMapper().readTree(created.body()).path("id").asText();
        JsonNode[] job = new JsonNode[1];
        RunningStack.await("region export " + id + " finished", Duration.ofMinutes(2), () -> {
            try {
                job[0] = job(id);
                return Set.of("DONE", "FAILED", "CANCELLED").contains(job[0].path("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("DONE", job[0].path("state").asText(), job[0].toString());
        assertEquals(12 * 8, job[0].path("pricedRows").asLong(), job[0].toString());
        Set<List<Integer>> expected = new HashSet<>();
        for (int row = 790; row <= 801; row++) {
            for (int col = 3; col <= 10; col++) {
                expected.add(List.of(2, row, col));
            }
        }
        Set<List<Integer>> found = new HashSet<>();
        int rows = 0;
        for (JsonNode file : job[0].path("files")) {
            assertEquals("RAW", file.path("product").asText());
            Path path = temp.resolve("region-" + file.path("name").asText());
            HttpResponse<Path> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api(file.path("url").asText()))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofFile(path));
            assertEquals(200, download.statusCode(), file.toString());
            ParquetTable table = ParquetTable.read(path);
            assertOrdered(table, file.path("name").asText());
            for (Map<String, Object> row : table.rows()) {
                assertRowEqualsTheFiles("RAW", row);
                found.add(List.of((Integer) row.get("integration"), (Integer) row.get("row"), (Integer) row.get("col")));
                rows++;
            }
        }
        assertEquals(expected, found, "the region's ramps");
        assertEquals(expected.size(), rows, "each ramp once");
        // Without a token no export is made.
        HttpResponse<String> refused = http(HttpRequest.newBuilder(api("/api/v1/exports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertTrue(refused.statusCode() == 401 || refused.statusCode() == 403, "POST without a token: " + refused.statusCode());
    }

    /** The ramp's keys and values against the FITS files: integers exactly, floats by bits (NaN as NaN). */
    static void assertRowEqualsTheFiles(String product, Map<String, Object> row) {
        int integration = (Integer) row.get("integration");
        int fullRow = (Integer) row.get("row");
        int col = (Integer) row.get("col");
        String where = product + " integration " + integration + " row " + fullRow + " col " + col;
        assertEquals(NAME, row.get("exposure"), where);
        assertEquals("MIRIMAGE", row.get("detector"), where);
        assertEquals(DATE_OBS, row.get("date_obs"), where);
        int i = integration - 1;
        int y = fullRow - FIRST_ROW;
        int x = col - 1;
        assertTrue(i >= 0 && i < NINTS && y >= 0 && y < NY && x >= 0 && x < (product.equals("REFOUT") ? REFOUT_COLS : NX),
                "outside the exposure: " + where);
        if (product.equals("REFOUT")) {
            assertNull(row.get("pixel_id"), where);
        } else {
            assertEquals((fullRow - 1) * 1032 + col, row.get("pixel_id"), where);
        }
        switch (product) {
            case "RAW", "REFOUT" -> {
                int[][][][] cube = product.equals("RAW") ? rawSci : rawRefout;
                List<?> samples = (List<?>) row.get("samples");
                assertEquals(NGROUPS, samples.size(), where);
                for (int g = 0; g < NGROUPS; g++) {
                    assertEquals(cube[i][g][y][x], samples.get(g), where + " group " + (g + 1));
                }
            }
            case "RAMP" -> {
                List<?> sci = (List<?>) row.get("sci");
                List<?> err = (List<?>) row.get("err");
                List<?> groupdq = (List<?>) row.get("groupdq");
                assertNotNull(err, "the file has ERR: " + where);
                assertEquals(NGROUPS, sci.size(), where);
                assertEquals(NGROUPS, err.size(), where);
                assertEquals(NGROUPS, groupdq.size(), where);
                for (int g = 0; g < NGROUPS; g++) {
                    assertEquals(Float.floatToIntBits(rampSci[i][g][y][x]), Float.floatToIntBits((Float) sci.get(g)),
                            "SCI " + where + " group " + (g + 1));
                    assertEquals(Float.floatToIntBits(rampErr[i][g][y][x]), Float.floatToIntBits((Float) err.get(g)),
                            "ERR " + where + " group " + (g + 1));
                    assertEquals(rampGroupdq[i][g][y][x] & 0xFF, groupdq.get(g), "GROUPDQ " + where + " group " + (g + 1));
                }
                assertEquals(FitsArrays.unsigned32(rampPixeldq[y][x]), row.get("pixeldq"), "PIXELDQ " + where);
            }
            case "RATEINTS" -> {
                List<String> names = List.of("sci", "err", "var_poisson", "var_rnoise");
                for (int p = 0; p < 4; p++) {
                    assertEquals(Float.floatToIntBits(slopes[p][i][y][x]), Float.floatToIntBits((Float) row.get(names.get(p))),
                            names.get(p) + " " + where);
                }
                assertEquals(FitsArrays.unsigned32(slopeDq[i][y][x]), row.get("dq"), "DQ " + where);
            }
            default -> throw new AssertionError("unexpected product " + product);
        }
    }

    /** VOParquet 1.0: the version, a VOTable with one FIELD per column in order; the provenance names every file. */
    static void assertMetadata(ParquetTable table, String product, Set<String> checksums) throws Exception {
        assertEquals("1.0", table.metadata().get("IVOA.VOTable-Parquet.version"), product);
        String votable = table.metadata().get("IVOA.VOTable-Parquet.content");
        assertNotNull(votable, product + ": no VOTable");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(votable))).getDocumentElement();
        assertEquals("VOTABLE", root.getLocalName(), product);
        NodeList fields = root.getElementsByTagNameNS("*", "FIELD");
        List<String> fieldNames = new ArrayList<>();
        for (int f = 0; f < fields.getLength(); f++) {
            Element field = (Element) fields.item(f);
            fieldNames.add(field.getAttribute("name"));
            if (field.getAttribute("name").equals("samples")) {
                assertEquals("DN", field.getAttribute("unit"), product + ": samples' unit");
            }
        }
        assertEquals(table.columns().stream().map(ParquetTable.Column::name).toList(), fieldNames,
                product + ": one FIELD per column, in order");
        JsonNode part = new ObjectMapper().readTree(table.metadata().get("pixeldb.export.part"));
        assertTrue(part.isObject(), product + ": pixeldb.export.part " + part);
        JsonNode provenance = new ObjectMapper().readTree(table.metadata().get("pixeldb.provenance"));
        assertTrue(provenance.isArray(), product + ": pixeldb.provenance " + provenance);
        Set<String> named = new HashSet<>();
        provenance.findValuesAsText("checksum").forEach(named::add);
        assertTrue(named.containsAll(checksums), product + ": the provenance names the checksums " + named
                + ", not all of the loaded files' " + checksums);
    }

    static void assertColumnTypes(ParquetTable table, String product) {
        Map<String, ParquetTable.Column> columns = new LinkedHashMap<>();
        table.columns().forEach(column -> columns.put(column.name(), column));
        List<String> keys = List.of("exposure", "detector", "date_obs", "integration", "row", "col", "pixel_id");
        List<String> values = switch (product) {
            case "RAW", "REFOUT" -> List.of("samples");
            case "RAMP" -> List.of("sci", "err", "groupdq", "pixeldq");
            default -> List.of("sci", "err", "var_poisson", "var_rnoise", "dq");
        };
        List<String> expected = new ArrayList<>(keys);
        expected.addAll(values);
        assertEquals(expected, new ArrayList<>(columns.keySet()), product + ": columns");
        assertType(columns, "date_obs", "INT64", "TIMESTAMP(MICROS,true)");
        assertType(columns, "integration", "INT32", "INTEGER(16,true)");
        assertType(columns, "row", "INT32", "INTEGER(16,true)");
        assertType(columns, "col", "INT32", "INTEGER(16,true)");
        assertType(columns, "pixel_id", "INT32", null);
        switch (product) {
            case "RAW", "REFOUT" -> assertType(columns, "samples", "INT32", "LIST<INTEGER(16,false)>");
            case "RAMP" -> {
                assertType(columns, "sci", "FLOAT", "LIST<null>");
                assertType(columns, "err", "FLOAT", "LIST<null>");
                assertType(columns, "groupdq", "INT32", "LIST<INTEGER(8,false)>");
                assertType(columns, "pixeldq", "INT32", "INTEGER(32,false)");
            }
            default -> {
                for (String name : List.of("sci", "err", "var_poisson", "var_rnoise")) {
                    assertType(columns, name, "FLOAT", null);
                }
                assertType(columns, "dq", "INT32", "INTEGER(32,false)");
            }
        }
    }

    static void assertType(Map<String, ParquetTable.Column> columns, String name, String physical, String logical) {
        ParquetTable.Column column = columns.get(name);
        assertEquals(physical, column.physicalType(), name + ": " + column);
        if (logical != null || !name.equals("pixel_id")) {
            assertEquals(logical, column.logicalType(), name + ": " + column);
        }
    }

    /** Rows ordered by integration, row, col. */
    static void assertOrdered(ParquetTable table, String file) {
        int[] last = null;
        for (Map<String, Object> row : table.rows()) {
            int[] key = {(Integer) row.get("integration"), (Integer) row.get("row"), (Integer) row.get("col")};
            if (last != null) {
                assertTrue(java.util.Arrays.compare(last, key) < 0, file + ": " + java.util.Arrays.toString(key)
                        + " after " + java.util.Arrays.toString(last));
            }
            last = key;
        }
    }

    static JsonNode job(String id) throws Exception {
        HttpResponse<String> response = stack.api("GET", "/api/v1/exports/" + id, stack.status.path("adminToken").asText());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    static URI api(String path) {
        return URI.create(stack.status.path("api").asText() + path);
    }

    static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
