package org.miri.pixeldb.splitter.fits;

import java.time.Instant;

/**
 * Timing of an exposure; every value is null when the header does not hold it.
 *
 * @param groupgap frames dropped between groups (GROUPGAP)
 * @param tframe   seconds between frames (TFRAME)
 * @param tgroup   seconds between groups (TGROUP)
 * @param inttime  effective integration time in seconds (EFFINTTM, else INTTIME)
 * @param exptime  effective exposure time in seconds (EFFEXPTM, else EXPTIME)
 * @param dateObs  UTC start (DATE-OBS + TIME-OBS, else DATE-BEG; JPL: DATE_OBS + TIME_OBS)
 * @param dateEnd  UTC end (DATE-END [+ TIME-END]; JPL: DATE_END + TIME_END)
 */
public record ExposureTiming(Integer groupgap, Double tframe, Double tgroup, Double inttime, Double exptime,
        Instant dateObs, Instant dateEnd) {

    static ExposureTiming read(HeaderValues primary) throws RejectedProductException {
        Instant start = firstKnown(
                ObservationTime.parse(primary.string(MiriKeyword.DATE_OBS), primary.string(MiriKeyword.TIME_OBS)),
                ObservationTime.parse(primary.string(MiriKeyword.DATE_BEG), null),
                ObservationTime.parse(primary.string(MiriKeyword.JPL_DATE_OBS), primary.string(MiriKeyword.JPL_TIME_OBS)));
        Instant end = firstKnown(
                ObservationTime.parse(primary.string(MiriKeyword.DATE_END), primary.string(MiriKeyword.TIME_END)),
                ObservationTime.parse(primary.string(MiriKeyword.JPL_DATE_END), primary.string(MiriKeyword.JPL_TIME_END)));
        return new ExposureTiming(primary.integer(MiriKeyword.GROUPGAP), primary.real(MiriKeyword.TFRAME),
                primary.real(MiriKeyword.TGROUP), either(primary.real(MiriKeyword.EFFINTTM), primary.real(MiriKeyword.INTTIME)),
                either(primary.real(MiriKeyword.EFFEXPTM), primary.real(MiriKeyword.EXPTIME)), start, end);
    }

    private static Instant firstKnown(Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    private static Double either(Double preferred, Double fallback) {
        return preferred != null ? preferred : fallback;
    }
}
