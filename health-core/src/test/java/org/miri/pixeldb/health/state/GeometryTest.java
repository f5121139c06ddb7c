package org.miri.pixeldb.health.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometryTest {

    @Test
    void aGridsPixelsGoThroughTheAmplifierOfTheirFullFrameColumn() {
        DetectorGrid grid = DetectorGrid.fromSubarray(5, 1, 6, 2);
        assertEquals(1, grid.amplifier(0)); // column 5
        assertEquals(2, grid.amplifier(1));
        assertEquals(1, grid.amplifier(6)); // second row, column 5
        assertEquals(4, DetectorGrid.fromSubarray(1032, 1, 1, 1).amplifier(0));
        assertThrows(IllegalArgumentException.class, () -> DetectorGrid.fromSubarray(1033, 1, 1, 1));
    }

    @Test
    void aSub64GridMapsArrayPixelsToFullFrameRowsAndColumns() {
        DetectorGrid sub64 = DetectorGrid.fromSubarray(1, 779, 72, 64);
        assertEquals(new DetectorGrid(779, 1, 64, 72), sub64);
        assertEquals(4608, sub64.pixels());
        assertEquals(779, sub64.row(0));
        assertEquals(1, sub64.col(0));
        assertEquals(802_897, (sub64.row(0) - 1) * 1032 + sub64.col(0), "the prototype's pixel_id of pixel 0");
        assertEquals(780, sub64.row(72));
        assertEquals(72, sub64.col(71));
        assertEquals(4, sub64.amplifier(71));
        assertTrue(sub64.referenceColumn(3));
        assertFalse(sub64.referenceColumn(4));
        DetectorGrid full = new DetectorGrid(1, 1, 1024, 1032);
        assertFalse(full.referenceColumn(1027));
        assertTrue(full.referenceColumn(1028), "column 1029");
        assertEquals(1024, full.row(full.pixels() - 1));
    }

    @Test
    void aGridOutsideTheFullFrameIsRefused() {
        assertEquals("rows 1000+64, columns 1+72 are not inside the 1024 x 1032 full frame",
                assertThrows(IllegalArgumentException.class, () -> new DetectorGrid(1000, 1, 64, 72)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DetectorGrid(1, 0, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> new DetectorGrid(1, 1, 0, 4));
    }
}
