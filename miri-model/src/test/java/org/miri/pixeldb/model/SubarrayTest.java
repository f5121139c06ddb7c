package org.miri.pixeldb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubarrayTest {

    /** domain.md: "MIRI subarrays (SUBSTRT1, SUBSTRT2, SUBSIZE1, SUBSIZE2)". */
    @ParameterizedTest
    @CsvSource({"FULL, 1, 1, 1032, 1024", "BRIGHTSKY, 457, 51, 512, 512", "SUB256, 413, 51, 256, 256",
        "SUB128, 1, 889, 136, 128", "SUB64, 1, 779, 72, 64", "SLITLESSPRISM, 1, 529, 72, 416",
        "MASK1065, 1, 19, 288, 224", "MASK1140, 1, 245, 288, 224", "MASK1550, 1, 467, 288, 224",
        "MASKLYOT, 1, 717, 320, 304"})
    void theNamedSubarraysAreTheDomainTable(String name, int substrt1, int substrt2, int subsize1, int subsize2) {
        Subarray expected = new Subarray(name, substrt1, substrt2, subsize1, subsize2);
        assertEquals(Optional.of(expected), Subarray.named(name));
        assertTrue(expected.lastColumn() <= FrameGeometry.COLUMNS && expected.lastRow() <= FrameGeometry.ROWS);
    }

    @Test
    void namedHoldsTenSubarraysAndNothingElse() {
        assertEquals(List.of("FULL", "BRIGHTSKY", "SUB256", "SUB128", "SUB64", "SLITLESSPRISM", "MASK1065",
                "MASK1140", "MASK1550", "MASKLYOT"), Subarray.NAMED.stream().map(Subarray::name).toList());
        assertTrue(Subarray.named("GENERIC").isEmpty());
        assertTrue(Subarray.named("sub64").isEmpty());
        assertTrue(Subarray.named(null).isEmpty());
    }

    @Test
    void aGenericWindowIsCalledGeneric() {
        assertEquals(new Subarray("GENERIC", 413, 51, 72, 8), Subarray.generic(413, 51, 72, 8));
    }

    @Test
    void lastColumnAndRowDoNotWrapRound() {
        Subarray corrupt = new Subarray("X", Integer.MAX_VALUE, Integer.MAX_VALUE, 2, 2);
        assertEquals(Integer.MAX_VALUE + 1L, corrupt.lastColumn());
        assertEquals(Integer.MAX_VALUE + 1L, corrupt.lastRow());
        assertEquals(1032, Subarray.FULL.lastColumn());
        assertEquals(842, Subarray.SUB64.lastRow());
    }

    /** domain.md: the subarray of a ground-test file follows from its raw frame size, reference rows included. */
    @ParameterizedTest
    @CsvSource({"1032, 1280, 1, FULL", "512, 640, 51, BRIGHTSKY", "256, 320, 51, SUB256", "136, 160, 889, SUB128",
        "72, 80, 779, SUB64", "72, 80, 1, SUB64", "72, 520, 529, SLITLESSPRISM", "320, 380, 717, MASKLYOT",
        "288, 280, 19, MASK1065", "288, 280, 245, MASK1140", "288, 280, 467, MASK1550", "288, 280, 20, GENERIC",
        "72, 10, 51, GENERIC", "1032, 1024, 1, GENERIC", "100, 100, 1, GENERIC"})
    void groundTestFramesAreNamedByTheirSize(int cols, int rawRows, int substrt2, String name) {
        assertEquals(name, Subarray.groundTestName(cols, rawRows, substrt2));
    }
}
