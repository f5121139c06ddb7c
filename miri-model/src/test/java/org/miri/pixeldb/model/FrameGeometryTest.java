package org.miri.pixeldb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameGeometryTest {

    @Test
    void theFullFrameIs1032ColumnsBy1024Rows() {
        assertEquals(1032, FrameGeometry.COLUMNS);
        assertEquals(1024, FrameGeometry.ROWS);
        assertEquals(1_056_768, FrameGeometry.PIXELS);
    }

    @Test
    void referencePixelsAreColumns1To4And1029To1032() {
        for (int col = 1; col <= FrameGeometry.COLUMNS; col++) {
            assertEquals(col <= 4 || col >= 1029, FrameGeometry.isReferenceColumn(col), "column " + col);
        }
        assertTrue(FrameGeometry.isReferenceColumn(4));
        assertFalse(FrameGeometry.isReferenceColumn(5));
        assertFalse(FrameGeometry.isReferenceColumn(1028));
        assertTrue(FrameGeometry.isReferenceColumn(1029));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 4", "5, 1", "6, 2", "7, 3", "8, 4",
        "1029, 1", "1030, 2", "1031, 3", "1032, 4"})
    void amplifierOfAColumnIsColumnMinusOneModFourPlusOne(int col, int amplifier) {
        assertEquals(amplifier, FrameGeometry.amplifier(col));
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "1, 1032, 1032", "2, 1, 1033", "779, 1, 802897", "779, 5, 802901",
        "1024, 1032, 1056768"})
    void pixelIdIsThePrototypesNumber(int row, int col, int pixelId) {
        assertEquals(pixelId, FrameGeometry.pixelId(row, col));
        assertEquals(row, FrameGeometry.rowOfPixelId(pixelId));
        assertEquals(col, FrameGeometry.colOfPixelId(pixelId));
    }

    @Test
    void pixelIdRoundTripsOverTheWholeFrame() {
        int expected = 1;
        for (int row = 1; row <= FrameGeometry.ROWS; row++) {
            for (int col = 1; col <= FrameGeometry.COLUMNS; col++) {
                int id = FrameGeometry.pixelId(row, col);
                assertEquals(expected++, id);
                if (FrameGeometry.rowOfPixelId(id) != row || FrameGeometry.colOfPixelId(id) != col) {
                    throw new AssertionError("pixel " + id + " is not row " + row + " column " + col);
                }
            }
        }
        assertEquals(FrameGeometry.PIXELS + 1, expected);
    }
}
