package org.miri.pixeldb.stack.synth;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the detector sees in a synthetic exposure and where it misbehaves. The sky (the default) is dark with a few
 * sources; a flat field illuminates every pixel with {@code flatRate} DN per group times a fixed pixel response
 * (5 % rms), so that DEAD can be judged and, at about 1,000 DN per group, the response outweighs the photon noise of
 * a slope and the health rules' statistics are sharp. Defects act on top, sized in units of that response so that
 * each lands well inside its rule's band: HOT +125 % (25 sigma), WARM +20 % (4 sigma, between WARM's 3 and HOT's
 * 5), DEAD no signal, NOISY +-40 % alternating by integration (above HOT's band in only about half of them), JUMPY a
 * cosmic-ray-like jump in 30 % of the groups, each flagged JUMP_DET in the corrected ramps.
 *
 * @param exposure the exposure's place in its series, 1-based: which ranged defects apply, and its DATE-OBS, one day
 *     after the previous exposure's
 */
public record Scene(double flatRate, List<Defect> defects, int exposure) {

    /** The default: the dark sky with sources, no defects, the first exposure of its series. */
    public static final Scene SKY = new Scene(0, List.of(), 1);
    static final double RESPONSE_RMS = 0.05;
    static final double JUMPY_PROBABILITY = 0.3;
    private static final LocalDate FIRST_DATE = LocalDate.of(2026, 11, 25);

    public Scene {
        if (!(flatRate >= 0) || flatRate > 60_000) {
            throw new IllegalArgumentException("a flat field's rate is 0 (sky) to 60,000 DN per group, not " + flatRate);
        }
        if (flatRate == 0 && !defects.isEmpty()) {
            throw new IllegalArgumentException("defects are sized against a flat field: give its rate (--flat)");
        }
        if (exposure < 1) {
            throw new IllegalArgumentException("an exposure's place in its series is 1-based, not " + exposure);
        }
        defects = List.copyOf(defects);
    }

    /** The same scene for the {@code n}th exposure of the series. */
    public Scene inSeries(int n) {
        return new Scene(flatRate, defects, n);
    }

    /** DATE-OBS: the series starts on 2026-11-25 and takes one exposure a day. */
    public LocalDate dateObs() {
        return FIRST_DATE.plusDays(exposure - 1L);
    }

    /** The defect of pixel (row, col) in this exposure, or null. */
    Defect.Kind defectAt(int row, int col) {
        for (Defect d : defects) {
            if (d.at(exposure, row, col)) {
                return d.kind();
            }
        }
        return null;
    }

    /** The flat field's rate of a pixel: fixed for the exposure's seed, whatever the integration. */
    double flatRate(long seed, int row, int col) {
        double response = 1 + RESPONSE_RMS * new SplittableRandom(~seed ^ ((long) row << 21) ^ col).nextGaussian();
        return flatRate * response;
    }

    /** The rate (DN per group) of a pixel with the defect in one integration, from the flat field's nominal rate. */
    static double withDefect(Defect.Kind defect, double rate, int integration) {
        return switch (defect) {
            case HOT -> rate * (1 + 25 * RESPONSE_RMS);
            case WARM -> rate * (1 + 4 * RESPONSE_RMS);
            case DEAD -> 0;
            case NOISY -> rate * (1 + (integration % 2 == 1 ? 8 : -8) * RESPONSE_RMS);
            case JUMPY -> rate;
        };
    }
}
