package org.miri.pixeldb.api.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

class ParamsTest {

    @Test
    void integersAreBoundedAndNamedWhenWrong() {
        assertEquals(5, Params.integer("limit", " 5 ", 1, 10, 3));
        assertEquals(3, Params.integer("limit", null, 1, 10, 3));
        for (String bad : List.of("0", "11", "x", "1e3", "99999999999999999999", "1.5")) {
            ApiException e = assertThrows(ApiException.class, () -> Params.integer("limit", bad, 1, 10, 3));
            assertEquals("limit", e.parameter());
            assertEquals(400, e.status());
        }
        assertEquals("row", assertThrows(ApiException.class, () -> Params.integer("row", "", 1, 10, null)).parameter());
    }

    @Test
    void timesAreIsoDatesOrDateTimesInUtc() {
        assertEquals(Instant.parse("2018-03-08T00:00:00Z"), Params.instant("from", "2018-03-08"));
        assertEquals(Instant.parse("2018-03-08T01:02:30Z"), Params.instant("from", "2018-03-08T01:02:30"));
        assertEquals(Instant.parse("2018-03-08T00:02:30Z"), Params.instant("from", "2018-03-08T01:02:30+01:00"));
        assertNull(Params.instant("from", " "));
        assertEquals("to", assertThrows(ApiException.class, () -> Params.instant("to", "yyyy-mm-dd")).parameter());
    }

    @Test
    void spansAreInclusiveOpenEndedAndNeverInverted() {
        assertEquals(new Span(779, 842), Span.parse("rows", null, 779, 842));
        assertEquals(new Span(800, 842), Span.parse("rows", "800:", 779, 842));
        assertEquals(new Span(779, 790), Span.parse("rows", ":790", 779, 842));
        assertEquals(new Span(800, 800), Span.parse("rows", "800", 779, 842));
        for (String bad : List.of("790:780", "1:900", "700", "a:b", "1:2:3")) {
            assertEquals("rows", assertThrows(ApiException.class, () -> Span.parse("rows", bad, 779, 842)).parameter());
        }
    }

    @Test
    void listsSplitOnCommasAndRejectControlCharacters() {
        assertEquals(List.of("raw", "slopes", "HOT"), Params.list("include", List.of("raw,slopes", "HOT", "")));
        assertEquals("flag", assertThrows(ApiException.class, () -> Params.list("flag", List.of("a\u0000"))).parameter());
    }
}
