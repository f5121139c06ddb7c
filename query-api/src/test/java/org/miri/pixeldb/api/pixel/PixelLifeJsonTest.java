package org.miri.pixeldb.api.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.format.FloatJsonModule;

class PixelLifeJsonTest {

    /** The mapper as Quarkus configures it for the API: ISO dates, the float32 module. */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new FloatJsonModule().customize(mapper);
        return mapper;
    }

    private static PixelLife life() {
        PixelLife.Exposure full = new PixelLife.Exposure("E1", Instant.parse("2018-03-08T01:02:30.123Z"), "SUB64",
                "FAST", "MIR_DARKIMG", "JPL", 2, 3, 2.775, 4L, List.of("JUMP_DET"),
                List.of(new PixelLife.RawRamp(1, new int[] {65535, 0, 12})),
                List.of(new PixelLife.CorrectedRamp(1, new float[] {0.1f, Float.NaN, -0.0f},
                        new float[] {Float.POSITIVE_INFINITY, 1e-5f, 3.4028235e38f}, new int[] {0, 4, 255},
                        List.of(List.of(), List.of("JUMP_DET"), List.of("A", "B")))),
                List.of(new PixelLife.Slope("RATEINTS", 1, 1.5f, Float.NEGATIVE_INFINITY, 4294967295L,
                        List.of("X"), 1.4e-45f, Float.NaN), new PixelLife.Slope("RATE", null, 2f, 0f, 0L, List.of(),
                        0f, 0f)));
        PixelLife.Exposure bare = new PixelLife.Exposure("E2", null, "FULL", null, null, "FLIGHT", 1, 2, null, null,
                List.of(), List.of(), List.of(new PixelLife.CorrectedRamp(2, new float[] {1f, 2f}, null,
                        new int[] {0, 0}, List.of(List.of(), List.of()))), List.of());
        return new PixelLife("MIRIMAGE", 779, 1, 802897, List.of(full, bare), "http://x/next?cursor=a%2Fb");
    }

    @Test
    void writesTheDocumentTheObjectMapperWrites() throws Exception {
        ObjectMapper mapper = mapper();
        StringWriter streamed = new StringWriter();
        PixelLifeJson.write(life(), mapper.getFactory().createGenerator(streamed));
        String bound = mapper.writeValueAsString(life());
        assertEquals(bound, streamed.toString());
        JsonNode tree = mapper.readTree(streamed.toString());
        assertEquals("null", tree.at("/exposures/0/corrected/0/sci/1").toString());
        assertEquals("\"Infinity\"", tree.at("/exposures/0/corrected/0/err/0").toString());
        assertEquals(4294967295L, tree.at("/exposures/0/slopes/0/dq").asLong());
    }
}
