package org.miri.pixeldb.health.state;

import java.util.stream.IntStream;
import org.miri.pixeldb.model.DqFlags;

/**
 * The slopes the rules use, per integration and pixel, NaN where the pixel is not considered: slope not finite, DQ
 * with DO_NOT_USE, or (unless the settings include them) a reference pixel, by column or by DQ REFERENCE_PIXEL.
 * Reference pixels are left out because they are not light-sensitive: the pipeline's RATEINTS gives them slope 0
 * with REFERENCE_PIXEL but without DO_NOT_USE, so the filter alone would count them in every amplifier's
 * statistics and call them DEAD in every illuminated exposure (jwst_reffiles strips them too).
 */
final class ConsideredSlopes {

    private ConsideredSlopes() {
    }

    /** [integration][pixel] in double, NaN where not considered. */
    static double[][] of(ExposureSlopes exposure, HealthThresholds thresholds) {
        DetectorGrid grid = exposure.grid();
        double[][] kept = new double[exposure.integrationCount()][grid.pixels()];
        IntStream.range(0, kept.length).parallel().forEach(i -> {
            IntegrationSlopes integration = exposure.integrations().get(i);
            for (int p = 0; p < grid.pixels(); p++) {
                boolean use = considered(integration.slopes()[p], integration.dq()[p], grid.referenceColumn(p),
                        thresholds);
                kept[i][p] = use ? integration.slopes()[p] : Double.NaN;
            }
        });
        return kept;
    }

    static boolean considered(float slope, int dq, boolean referenceColumn, HealthThresholds thresholds) {
        if (!Float.isFinite(slope) || (dq & DqFlags.DO_NOT_USE) != 0) {
            return false;
        }
        boolean reference = referenceColumn || (dq & DqFlags.REFERENCE_PIXEL) != 0;
        return thresholds.considerReferencePixels() || !reference;
    }
}
