package org.miri.pixeldb.api.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.miri.pixeldb.api.error.ApiException;

/**
 * The body of {@code POST /api/v1/exports} as sent: the exposures by name or by the filters of
 * {@code GET /api/v1/exposures} (same names), the products, and the region and flags of the region endpoints.
 * Parsed strictly: an unknown or repeated field, or a value of the wrong type, is a 400 naming the field, so that a
 * misspelt filter never silently exports everything.
 */
public record ExportRequest(List<String> exposures, String detector, String subarray, String readpatt,
        String expType, String origin, String from, String to, List<String> loaded, List<String> products,
        String rows, String cols, String integration, String flag, String noflag, String format) {

    /** Largest body read; ten thousand exposure names fit easily. */
    public static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static ExportRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("body", "the export request is a JSON object: {\"exposures\": [...],"
                    + " \"products\": [\"RAW\"]}");
        }
        try {
            ExportRequest request = STRICT.readValue(body, ExportRequest.class);
            if (request == null) {
                throw ApiException.badRequest("body", "the export request is a JSON object, not null");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName()
                    + "'; the fields are exposures, detector, subarray, readpatt, expType, origin, from, to, loaded,"
                    + " products, rows, cols, integration, flag, noflag, format");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().get(0).getFieldName());
            throw ApiException.badRequest(field, "field '" + field + "' has a value of the wrong type"
                    + " (exposures, loaded and products are arrays of strings, the others strings)");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "not a valid JSON export request: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("body", "the body could not be read: " + e.getMessage());
        }
    }
}
