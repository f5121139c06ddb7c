package org.miri.pixeldb.api.format;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

class ResponseBudgetTest {

    @Test
    void aFullFrameExposureOfRawSamplesIsPricedFromItsGeometry() {
        long samples = 1032L * 1024 * 5 * 20;
        assertEquals(samples * 2, ResponseBudget.estimate(samples, ResponseBudget.Unit.RAW, OutputFormat.FITS));
        assertTrue(ResponseBudget.estimate(samples, ResponseBudget.Unit.RAW, OutputFormat.JSON) > samples * 5);
    }

    @Test
    void overTheLimitIs413NamingTheLimitAndTheParameter() {
        ApiException refused = assertThrows(ApiException.class, () -> ResponseBudget.require(1_000_000,
                ResponseBudget.Unit.CORRECTED, OutputFormat.JSON, 1_000_000, "rows", "ask for less"));
        assertEquals(413, refused.status());
        assertEquals("rows", refused.parameter());
        assertTrue(refused.getMessage().contains("1000000 bytes"), refused.getMessage());
        assertDoesNotThrow(() -> ResponseBudget.require(1000, ResponseBudget.Unit.RAW, OutputFormat.FITS, 2000, "rows",
                ""));
    }
}
