package org.miri.pixeldb.api.pixel;

import java.io.IOException;
import java.io.Writer;
import org.miri.pixeldb.api.format.FloatText;

/**
 * A pixel's life as CSV, one line per exposure, integration and group (tidy for pandas): raw sample, corrected SCI,
 * ERR and GROUPDQ, and the integration's slope repeated on each of its groups. Empty fields: no value.
 */
public final class PixelCsv {

    static final String HEADER = "exposure,date_obs,integration,group,raw,sci,err,groupdq,pixeldq,slope,slope_err,"
            + "slope_dq\n";

    private PixelCsv() {
    }

    public static void write(PixelLife life, Writer out) throws IOException {
        out.write(HEADER);
        for (PixelLife.Exposure e : life.exposures()) {
            for (int integration = 1; integration <= e.nints(); integration++) {
                final int i = integration;
                PixelLife.RawRamp raw = e.raw().stream().filter(r -> r.integration() == i).findFirst().orElse(null);
                PixelLife.CorrectedRamp cor = e.corrected().stream().filter(r -> r.integration() == i).findFirst()
                        .orElse(null);
                PixelLife.Slope slope = e.slopes().stream().filter(s -> s.integration() != null && s.integration() == i)
                        .findFirst().orElse(null);
                if (raw == null && cor == null && slope == null) {
                    continue;
                }
                String tail = "," + (e.pixeldq() == null ? "" : e.pixeldq()) + ","
                        + (slope == null ? ",," : FloatText.csv(slope.sci()) + "," + FloatText.csv(slope.err()) + ","
                        + slope.dq()) + "\n";
                for (int g = 0; g < e.ngroups(); g++) {
                    out.write(e.name() + "," + (e.dateObs() == null ? "" : e.dateObs()) + "," + i + "," + (g + 1) + ","
                            + (raw == null ? "" : raw.samples()[g]) + ","
                            + (cor == null ? "" : FloatText.csv(cor.sci()[g])) + ","
                            + (cor == null || cor.err() == null ? "" : FloatText.csv(cor.err()[g])) + ","
                            + (cor == null ? "" : cor.groupdq()[g]) + tail);
                }
            }
        }
        out.flush();
    }
}
