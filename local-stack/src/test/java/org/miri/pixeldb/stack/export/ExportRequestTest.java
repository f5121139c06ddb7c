package org.miri.pixeldb.stack.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportRequestTest {

    private static ExportRequest byName(List<String> products) {
        return new ExportRequest(List.of("EXP_A", "EXP_B"), Map.of(), List.of(), products, null, null, null,
                List.of(), List.of());
    }

    @Test
    void exposuresByNameMakeTheContractsJsonWithOnlyWhatWasGiven() {
        ExportRequest request = new ExportRequest(List.of("EXP_A", " EXP_B "), Map.of(), List.of(),
                List.of("raw", "RATEINTS"), "1:128", "5:68", "2:3", List.of("JUMP_DET", "SATURATED"), List.of("DO_NOT_USE"))
                .validate();
        assertEquals("{\"exposures\":[\"EXP_A\",\"EXP_B\"],\"products\":[\"RAW\",\"RATEINTS\"],\"rows\":\"1:128\","
                + "\"cols\":\"5:68\",\"integration\":\"2:3\",\"flag\":\"JUMP_DET,SATURATED\",\"noflag\":\"DO_NOT_USE\","
                + "\"format\":\"parquet\"}", request.toJson().toString());
        assertEquals("{\"exposures\":[\"EXP_A\",\"EXP_B\"],\"products\":[\"RAMP\"],\"format\":\"parquet\"}",
                byName(List.of("RAMP")).validate().toJson().toString());
    }

    @Test
    void filtersGoByTheirApiNamesInTheApisOrder() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("to", "2026-01-31");
        filters.put("expType", "MIR_IMAGE");
        filters.put("detector", "MIRIMAGE");
        filters.put("origin", "");
        ExportRequest request = new ExportRequest(List.of(), filters, List.of("RAW", "rate"), List.of("QUICKLOOK"), null,
                null, "3", List.of(), List.of()).validate();
        assertEquals("{\"detector\":\"MIRIMAGE\",\"expType\":\"MIR_IMAGE\",\"to\":\"2026-01-31\",\"loaded\":[\"RAW\","
                + "\"RATE\"],\"products\":[\"QUICKLOOK\"],\"integration\":\"3\",\"format\":\"parquet\"}",
                request.toJson().toString());
    }

    @Test
    void exposureNamesTogetherWithFiltersAreRefusedNamingTheFilters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExportRequest(
                List.of("EXP_A"), Map.of("detector", "MIRIMAGE"), List.of("RAW"), List.of("RAW"), null, null, null,
                List.of(), List.of()).validate());
        assertTrue(e.getMessage().contains("--exposure") && e.getMessage().contains("--detector")
                && e.getMessage().contains("--loaded") && e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void badProductsRangesAndFlagsAreRefusedNamingTheOption() {
        assertMessage("--products is required", byName(List.of()));
        assertMessage("--products: unknown product SLOPES", byName(List.of("SLOPES")));
        assertMessage("more than once", byName(List.of("RAW", "raw")));
        assertMessage("--loaded: unknown product REFOUT", new ExportRequest(List.of(), Map.of(), List.of("REFOUT"),
                List.of("RAW"), null, null, null, List.of(), List.of()));
        assertMessage("--rows must be a:b", cut("1-128", null, null));
        assertMessage("--cols 9:2: the first is after the last", cut(null, "9:2", null));
        assertMessage("--integration must be n or a:b", cut(null, null, "x"));
        assertMessage("in both --flag and --noflag", new ExportRequest(List.of("E"), Map.of(), List.of(),
                List.of("RAW"), null, null, null, List.of("JUMP_DET"), List.of("jump_det")));
        assertMessage("no DQ flag name", new ExportRequest(List.of("E"), Map.of(), List.of(), List.of("RAW"), null,
                null, null, List.of("JUMP DET"), List.of()));
    }

    private static ExportRequest cut(String rows, String cols, String integration) {
        return new ExportRequest(List.of("E"), Map.of(), List.of(), List.of("RAW"), rows, cols, integration, List.of(),
                List.of());
    }

    private static void assertMessage(String expected, ExportRequest request) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::validate);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
