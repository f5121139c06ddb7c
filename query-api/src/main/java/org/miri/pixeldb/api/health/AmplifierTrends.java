package org.miri.pixeldb.api.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.miri.pixeldb.api.format.FloatText;
import java.util.List;
import java.util.Map;

/**
 * Per exposure, integration and amplifier, the clipped median and standard deviation of the considered slopes and the
 * pixel counts: the trend data of GET /api/v1/detectors/{detector}/amplifiers, oldest exposure first.
 */
public record AmplifierTrends(String detector, List<Exposure> exposures, String next) {

    /** One evaluated exposure; its id is the next page's position, not part of the answer. */
    public record Exposure(@JsonIgnore int id, String exposure, Instant dateObs, String readpatt, String product,
            List<Amplifier> amplifiers) {
    }

    /**
     * One integration of one amplifier, in float32 like the slopes they summarise; median and std are null where no
     * pixel was considered.
     */
    public record Amplifier(int amplifier, int integration, Float median, Float std, int pixels,
            Map<String, Integer> counts) {
    }

    /** CSV, one line per exposure, integration and amplifier. */
    public String csv() {
        StringBuilder out = new StringBuilder("exposure,date_obs,readpatt,product,integration,amplifier,median,std,"
                + "pixels,hot,warm,dead,noisy,jumpy\n");
        for (Exposure e : exposures) {
            for (Amplifier a : e.amplifiers()) {
                out.append(e.exposure()).append(',').append(e.dateObs()).append(',')
                        .append(e.readpatt() == null ? "" : e.readpatt()).append(',').append(e.product()).append(',')
                        .append(a.integration()).append(',').append(a.amplifier()).append(',')
                        .append(a.median() == null ? "" : FloatText.csv(a.median())).append(',')
                        .append(a.std() == null ? "" : FloatText.csv(a.std())).append(',')
                        .append(a.pixels());
                for (String state : List.of("HOT", "WARM", "DEAD", "NOISY", "JUMPY")) {
                    out.append(',').append(a.counts().get(state));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
