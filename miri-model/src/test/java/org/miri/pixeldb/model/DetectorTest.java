package org.miri.pixeldb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorTest {

    @ParameterizedTest
    @CsvSource({"MIRIMAGE, 493", "MIRIFULONG, 494", "MIRIFUSHORT, 495"})
    void namesAndScaIdsAreTheDomainTable(String name, int scaId) {
        Detector detector = Detector.valueOf(name);
        assertEquals(scaId, detector.scaId());
        assertEquals(Optional.of(detector), Detector.named(name));
        assertEquals(Optional.of(detector), Detector.withScaId(scaId));
        assertEquals(Optional.of(detector), Detector.parse(name.toLowerCase()));
        assertEquals(Optional.of(detector), Detector.parse(" " + scaId + " "));
    }

    @Test
    void keywordLookupsAreExactAndEmptyForAnythingElse() {
        assertTrue(Detector.named("mirimage").isEmpty(), "DETECTOR keywords are upper case");
        assertTrue(Detector.named("IC").isEmpty(), "JPL's own detector name");
        assertTrue(Detector.named(null).isEmpty());
        assertTrue(Detector.withScaId(20).isEmpty(), "JPL's own SCA_ID");
        assertTrue(Detector.withScaId(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NIRCAM", "20", "0493", "MIRIMAGE493"})
    void parseIsEmptyForWhatNamesNoDetector(String value) {
        assertTrue(Detector.parse(value).isEmpty());
    }

    @Test
    void parseOfNullIsEmpty() {
        assertTrue(Detector.parse(null).isEmpty());
    }

    @Test
    void knownListsEveryDetectorWithItsScaId() {
        assertEquals("MIRIMAGE 493, MIRIFULONG 494, MIRIFUSHORT 495", Detector.known());
    }
}
