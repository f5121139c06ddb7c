package org.miri.pixeldb.fits.jwst;

import java.time.Instant;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;

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

    public static ExposureTiming read(HeaderValues primary) throws RejectedProductException {
        Instant start = either(either(
                instant(primary, MiriKeyword.DATE_OBS, MiriKeyword.TIME_OBS),
                instant(primary, MiriKeyword.DATE_BEG, null)),
                instant(primary, MiriKeyword.JPL_DATE_OBS, MiriKeyword.JPL_TIME_OBS));
        Instant end = either(
                instant(primary, MiriKeyword.DATE_END, MiriKeyword.TIME_END),
                instant(primary, MiriKeyword.JPL_DATE_END, MiriKeyword.JPL_TIME_END));
        return new ExposureTiming(primary.integer(MiriKeyword.GROUPGAP), primary.real(MiriKeyword.TFRAME),
                primary.real(MiriKeyword.TGROUP),
                either(primary.real(MiriKeyword.EFFINTTM), primary.real(MiriKeyword.INTTIME)),
                either(primary.real(MiriKeyword.EFFEXPTM), primary.real(MiriKeyword.EXPTIME)), start, end);
    }

    private static Instant instant(HeaderValues primary, MiriKeyword date, MiriKeyword time) {
        return ObservationTime.parse(primary.string(date), time == null ? null : primary.string(time));
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
