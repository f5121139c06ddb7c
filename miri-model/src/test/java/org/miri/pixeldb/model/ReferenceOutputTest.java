package org.miri.pixeldb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceOutputTest {

    @Test
    void aFullFrameReferenceOutputIs258ColumnsWide() {
        assertEquals(4, ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN);
        assertEquals(258, ReferenceOutput.FULL_FRAME_COLUMNS);
        assertEquals(258, ReferenceOutput.columns(FrameGeometry.COLUMNS));
        assertEquals(18, ReferenceOutput.columns(Subarray.SUB64.subsize1()));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "4, 1", "5, 2", "8, 2", "413, 104", "457, 115", "1029, 258", "1032, 258"})
    void eachReferenceColumnServesFourScienceColumns(int scienceCol, int refoutCol) {
        assertEquals(refoutCol, ReferenceOutput.column(scienceCol));
    }

    @ParameterizedTest
    @CsvSource({"1024, 1280", "512, 640", "64, 80", "416, 520", "224, 280", "304, 380", "8, 10"})
    void groundTestFramesAddAQuarterOfTheirScienceRows(int scienceRows, int frameRows) {
        assertEquals(frameRows, ReferenceOutput.groundTestFrameRows(scienceRows));
    }
}
