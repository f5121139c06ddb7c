package org.miri.pixeldb.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

class OutputFormatTest {

    @Test
    void theParameterWinsOverAcceptAndJsonIsTheDefault() {
        assertEquals(OutputFormat.CSV, OutputFormat.choose("CSV", List.of("application/fits")));
        assertEquals(OutputFormat.FITS, OutputFormat.choose(null, List.of("text/html, application/fits;q=0.9")));
        assertEquals(OutputFormat.FITS, OutputFormat.choose(null, List.of("image/fits")));
        assertEquals(OutputFormat.JSON, OutputFormat.choose(null, List.of("*/*")));
        assertEquals(OutputFormat.JSON, OutputFormat.choose("", null));
        assertEquals("format", assertThrows(ApiException.class, () -> OutputFormat.choose("xml", null)).parameter());
    }
}
