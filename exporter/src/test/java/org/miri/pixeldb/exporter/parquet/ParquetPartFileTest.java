package org.miri.pixeldb.exporter.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.schemas.ExportProduct;
import org.miri.pixeldb.testing.parquet.ParquetTable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Files DuckDB writes for each layout, read back with parquet-java: the types the issue asks for (unsigned 8, 16 and
 * 32-bit, float32 lists, a UTC timestamp), edge values (65535, 255, 4294967295, NaN, a missing ERR), the constants of
 * a part, the key-value metadata, and a VOTable that parses and lists the columns in order.
 */
class ParquetPartFileTest {

    @TempDir
    Path dir;

    @Test
    void aRampFileKeepsEveryTypeAndEdgeValue() throws Exception {
        List<ExportColumn> columns = ExportLayout.columns(ExportProduct.RAMP);
        Path file = dir.resolve("ramp.parquet");
        try (ParquetPartFile out = new ParquetPartFile(columns, 3, dir, "64MB")) {
            out.appender().beginRow().append((short) 2).append((short) 1024).append((short) 1032)
                    .append(1024 * 1032).append(new float[] {1.5f, Float.NaN, -0f}).append(new float[] {0.25f, 1, 2})
                    .append(new short[] {0, 4, 255}).append(4294967295L).endRow();
            out.appender().beginRow().append((short) 2).append((short) 1).append((short) 1).append(1)
                    .append(new float[] {Float.NEGATIVE_INFINITY, 0, 1}).appendNull().append(new short[] {0, 0, 0})
                    .append(0L).endRow();
            assertEquals(2, out.write(file, 1024, Map.of("exposure", "E'1 <&>", "detector", "MIRIMAGE",
                    "date_obs", "2018-03-08 01:02:30.123456+00"), Map.of(VoTable.VERSION_KEY, VoTable.VERSION,
                    VoTable.CONTENT_KEY, VoTable.describe("t", "d", columns))));
        }
        ParquetTable table = ParquetTable.read(file);
        assertEquals(List.of("exposure", "detector", "date_obs", "integration", "row", "col", "pixel_id", "sci", "err",
                "groupdq", "pixeldq"), table.columns().stream().map(ParquetTable.Column::name).toList());
        assertEquals("TIMESTAMP(MICROS,true)", type(table, "date_obs"));
        assertEquals("LIST<INTEGER(8,false)>", type(table, "groupdq"));
        assertEquals("INTEGER(32,false)", type(table, "pixeldq"));
        assertEquals("FLOAT", table.columns().get(7).physicalType());
        Map<String, Object> first = table.rows().get(0);
        assertEquals("E'1 <&>", first.get("exposure"));
        assertEquals(Instant.parse("2018-03-08T01:02:30.123456Z"), first.get("date_obs"));
        assertEquals(1024 * 1032, first.get("pixel_id"));
        assertEquals(List.of(1.5f, Float.NaN, -0f), first.get("sci"));
        assertEquals(List.of(0, 4, 255), first.get("groupdq"));
        assertEquals(4294967295L, first.get("pixeldq"));
        assertNull(table.rows().get(1).get("err"));
        assertEquals("1.0", table.metadata().get(VoTable.VERSION_KEY));
    }

    @Test
    void rawSamplesAreUnsigned16BitAndRateHasANullIntegration() throws Exception {
        List<ExportColumn> columns = ExportLayout.columns(ExportProduct.RAW);
        Path file = dir.resolve("raw.parquet");
        try (ParquetPartFile out = new ParquetPartFile(columns, 2, dir, "64MB")) {
            out.appender().beginRow().appendNull().append((short) 5).append((short) 6).append(4134)
                    .append(new short[] {(short) 65535, 0}).endRow();
            out.write(file, 1024, Map.of("exposure", "E", "detector", "MIRIMAGE"), Map.of());
        }
        ParquetTable table = ParquetTable.read(file);
        assertEquals("LIST<INTEGER(16,false)>", type(table, "samples"));
        assertEquals(List.of(65535, 0), table.rows().get(0).get("samples"));
        assertNull(table.rows().get(0).get("integration"));
        assertNull(table.rows().get(0).get("date_obs"), "no DATE-OBS in the files: null, not 1970");
    }

    @Test
    void theVoTableDescribesEveryColumnInOrderWithUnitsAndUcds() throws Exception {
        for (ExportProduct product : ExportProduct.values()) {
            List<ExportColumn> columns = ExportLayout.columns(product);
            String xml = VoTable.describe(product.name(), "a <description> & more", columns);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList fields = document.getElementsByTagName("FIELD");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fields.getLength(); i++) {
                Element field = (Element) fields.item(i);
                names.add(field.getAttribute("name"));
                assertEquals(columns.get(i).ucd(), field.getAttribute("ucd"));
            }
            assertEquals(columns.stream().map(ExportColumn::name).toList(), names);
            assertEquals("http://www.ivoa.net/xml/VOTable/v1.3", document.getDocumentElement().getNamespaceURI());
        }
        String raw = VoTable.describe("RAW", "d", ExportLayout.columns(ExportProduct.RAW));
        assertEquals(true, raw.contains("name=\"samples\"") && raw.contains("unit=\"DN\""));
    }

    private static String type(ParquetTable table, String column) {
        return table.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().logicalType();
    }
}
