package org.miri.pixeldb.api.format;

import java.util.Map;
import org.miri.pixeldb.api.error.ApiException;

/**
 * The size limit of responses, checked from the geometry before any query runs: a too-large request is refused with
 * 413 and the limit, never answered with a truncated body. Estimates are per value and format, on the high side.
 */
public final class ResponseBudget {

    /**
     * What one value of a request costs: a raw sample, a corrected group (SCI, ERR, GROUPDQ), one plane of a slope
     * image (SCI, ERR, DQ, VAR_POISSON or VAR_RNOISE: a fifth of a whole slope set), a flag.
     */
    public enum Unit {
        RAW(7, 40, 2), CORRECTED(40, 70, 9), SLOPE_PLANE(18, 22, 4), FLAG(8, 8, 8);

        private final Map<OutputFormat, Integer> bytes;

        Unit(int json, int csv, int fits) {
            bytes = Map.of(OutputFormat.JSON, json, OutputFormat.CSV, csv, OutputFormat.FITS, fits);
        }

        int bytes(OutputFormat format) {
            return bytes.get(format);
        }
    }

    private ResponseBudget() {
    }

    public static long estimate(long values, Unit unit, OutputFormat format) {
        return values * unit.bytes(format);
    }

    /** Throws 413 naming the parameter to narrow when the estimate exceeds the limit. */
    public static void require(long values, Unit unit, OutputFormat format, long limitBytes, String parameter,
            String advice) {
        long bytes = estimate(values, unit, format);
        if (bytes > limitBytes) {
            throw new ApiException(413, parameter, "the response would be about " + bytes + " bytes, over the limit of "
                    + limitBytes + " bytes (pixeldb.api.max-response-bytes); " + advice);
        }
    }
}
