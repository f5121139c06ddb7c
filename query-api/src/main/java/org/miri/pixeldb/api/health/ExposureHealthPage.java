package org.miri.pixeldb.api.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of an exposure's flagged pixels, as GET /api/v1/detectors/{detector}/health answers: rows and columns
 * full-frame and 1-based; {@code next} is the link to the following page, null on the last.
 */
public record ExposureHealthPage(String detector, String exposure, Instant dateObs, String readpatt, String product,
        int integrations, int considered, boolean jumpsEvaluated, Instant evaluatedAt, Map<String, Integer> counts,
        List<Pixel> pixels, String next) {

    /** A flagged pixel and the statistics behind its states (null where a rule was not judged). */
    public record Pixel(int row, int col, int pixelId, List<String> states, int integrations, Float hotFraction,
            Float warmFraction, int illuminated, Float deadFraction, Float noise, Float meanJumps) {
    }
}
