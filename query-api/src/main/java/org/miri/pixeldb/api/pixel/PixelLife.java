package org.miri.pixeldb.api.pixel;

import java.time.Instant;
import java.util.List;

/**
 * The life of one pixel: every exposure containing it, oldest first, with its ramps and slopes. Integrations are
 * numbered from 1; lists are empty when a product is not loaded or not asked for.
 */
public record PixelLife(String detector, int row, int col, int pixelId, List<Exposure> exposures, String next) {

    /** One exposure of the pixel; pixeldq is null when no RAMP product is loaded. */
    public record Exposure(String name, Instant dateObs, String subarray, String readpatt, String expType,
            String origin, int nints, int ngroups, Double tgroup, Long pixeldq, List<String> pixeldqFlags,
            List<RawRamp> raw, List<CorrectedRamp> corrected, List<Slope> slopes) {
    }

    public record RawRamp(int integration, int[] samples) {
    }

    /** err is null when the product has no ERR array; groupdqFlags names the flags of each group. */
    public record CorrectedRamp(int integration, float[] sci, float[] err, int[] groupdq,
            List<List<String>> groupdqFlags) {
    }

    /** kind RATEINTS or QUICKLOOK (integration 1..n), or RATE (integration null). */
    public record Slope(String kind, Integer integration, float sci, float err, long dq, List<String> dqFlags,
            float varPoisson, float varRnoise) {
    }
}
