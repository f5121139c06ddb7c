package org.miri.pixeldb.fits.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationTimeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "2018-03-08, 01:02:30, 2018-03-08T01:02:30Z",
        "2022-06-20, 10:11:12.3456789, 2022-06-20T10:11:12.345678Z",
        "2022-06-20T10:11:12.5, null, 2022-06-20T10:11:12.500Z",
        "2022-06-20T10:11:12, hh:mm:ss, 2022-06-20T10:11:12Z",
        "yyyy-mm-dd, hh:mm:ss, null",
        "2018-03-08, hh:mm:ss, null",
        "2018-03-08, null, null",
        "null, 01:02:30, null",
        "8 March 2018, 01:02:30, null",
        "2018-02-30, 01:02:30, null"})
    void isUtcOrUnknownNeverInvented(String date, String time, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), ObservationTime.parse(date, time));
    }

    /** Far-off years once reached Avro's timestamp-micros, which overflowed and stopped the splitter's partition. */
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "1900-01-01, 00:00:00, 1900-01-01T00:00:00Z",
        "2200-12-31T23:59:59.999999, null, 2200-12-31T23:59:59.999999Z",
        "1899-12-31, 23:59:59, null",
        "2201-01-01T00:00:00, null, null",
        "+99999-01-01T00:00:00, null, null",
        "+999999999-12-31T23:59:59, null, null",
        "-999999999-01-01T00:00:00, null, null",
        "0000-01-01, 00:00:00, null"})
    void yearsOutsideTheDetectorsLifeAreUnknown(String date, String time, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), ObservationTime.parse(date, time));
    }
}
