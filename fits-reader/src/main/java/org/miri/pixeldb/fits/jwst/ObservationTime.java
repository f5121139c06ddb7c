package org.miri.pixeldb.fits.jwst;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A UTC instant from a FITS date keyword and its time keyword. Ground data carries placeholders such as 'yyyy-mm-dd'
 * and 'hh:mm:ss'; anything that does not parse is unknown (null), never a guessed date. So is a date outside
 * {@link #EARLIEST_YEAR}..{@link #LATEST_YEAR}: no detector was read then, and far-off years overflow Avro's
 * timestamp-micros and PostgreSQL's timestamp.
 */
final class ObservationTime {

    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 2200;

    private ObservationTime() {
    }

    /**
     * @param date an ISO date ('2018-03-08') or date-time ('2022-06-20T10:11:12.345'); may be null
     * @param time an ISO time of day ('01:02:30', '10:11:12.345'), used when {@code date} has none; may be null
     * @return the instant at microsecond precision (what Avro's timestamp-micros holds), or null when unknown or
     *         outside the plausible years
     */
    static Instant parse(String date, String time) {
        if (date == null) {
            return null;
        }
        try {
            LocalDateTime moment = date.indexOf('T') >= 0 ? LocalDateTime.parse(date)
                    : time == null ? null : LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time));
            if (moment == null || moment.getYear() < EARLIEST_YEAR || moment.getYear() > LATEST_YEAR) {
                return null;
            }
            return moment.toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException placeholder) {
            return null;
        }
    }
}
