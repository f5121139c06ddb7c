package org.miri.pixeldb.api.pixel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pixel's slopes over time in columns, one entry per slope (RATEINTS integration or RATE), oldest exposure first:
 * what a plot needs and nothing else.
 */
public record PixelSlopes(String detector, int row, int col, int pixelId, List<String> exposure, List<Instant> dateObs,
        List<String> kind, List<Integer> integration, List<Float> sci, List<Float> err, List<Long> dq, String next) {

    public static PixelSlopes of(PixelLife life) {
        List<String> exposure = new ArrayList<>();
        List<Instant> dateObs = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        List<Integer> integration = new ArrayList<>();
        List<Float> sci = new ArrayList<>();
        List<Float> err = new ArrayList<>();
        List<Long> dq = new ArrayList<>();
        for (PixelLife.Exposure e : life.exposures()) {
            for (PixelLife.Slope s : e.slopes()) {
                exposure.add(e.name());
                dateObs.add(e.dateObs());
                kind.add(s.kind());
                integration.add(s.integration());
                sci.add(s.sci());
                err.add(s.err());
                dq.add(s.dq());
            }
        }
        return new PixelSlopes(life.detector(), life.row(), life.col(), life.pixelId(), exposure, dateObs, kind,
                integration, sci, err, dq, life.next());
    }

    /** CSV: one line per slope. */
    public String csv() {
        StringBuilder out = new StringBuilder("exposure,date_obs,kind,integration,sci,err,dq\n");
        for (int i = 0; i < exposure.size(); i++) {
            out.append(exposure.get(i)).append(',').append(dateObs.get(i) == null ? "" : dateObs.get(i)).append(',')
                    .append(kind.get(i)).append(',').append(integration.get(i) == null ? "" : integration.get(i))
                    .append(',').append(org.miri.pixeldb.api.format.FloatText.csv(sci.get(i))).append(',')
                    .append(org.miri.pixeldb.api.format.FloatText.csv(err.get(i))).append(',').append(dq.get(i))
                    .append('\n');
        }
        return out.toString();
    }
}
