package org.miri.pixeldb.api.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pixel's health over time, as GET /api/v1/pixels/{detector}/{row}/{col}/health answers: every evaluated exposure
 * containing the pixel, oldest first (by DATE-OBS), with its states (empty: healthy), and the timeline, the runs of
 * consecutive exposures with the same states.
 */
public record PixelHealthHistory(String detector, int row, int col, List<Entry> exposures, List<Period> timeline) {

    /** The pixel in one exposure. */
    public record Entry(String exposure, Instant dateObs, String readpatt, String product, List<String> states,
            Float hotFraction, Float warmFraction, Float deadFraction, Float noise, Float meanJumps) {
    }

    /** A run of consecutive exposures in which the pixel had the same states. */
    public record Period(List<String> states, String fromExposure, Instant from, String toExposure, Instant to) {
    }

    static List<Period> timeline(List<Entry> exposures) {
        List<Period> periods = new ArrayList<>();
        for (Entry e : exposures) {
            Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && last.states().equals(e.states())) {
                periods.set(periods.size() - 1, new Period(last.states(), last.fromExposure(), last.from(),
                        e.exposure(), e.dateObs()));
            } else {
                periods.add(new Period(e.states(), e.exposure(), e.dateObs(), e.exposure(), e.dateObs()));
            }
        }
        return periods;
    }
}
