package org.miri.pixeldb.splitter.fits;

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
}
