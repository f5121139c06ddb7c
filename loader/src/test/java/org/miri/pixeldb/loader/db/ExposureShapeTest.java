package org.miri.pixeldb.loader.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExposureShapeTest {

    private static final ExposureShape SUB64 = new ExposureShape(493, 1, 779, 72, 64, 5, 50);

    @Test
    void referenceOutputColumnsRunFrom1To258OverTheFullFrame() {
        assertTrue(SUB64.coversRefoutCols(1, 18));
        assertTrue(SUB64.coversRefoutCols(1, 258));
        assertTrue(SUB64.coversRefoutCols(258, 1));
        assertFalse(SUB64.coversRefoutCols(259, 1));
        assertFalse(SUB64.coversRefoutCols(250, 10));
        assertFalse(SUB64.coversRefoutCols(0, 1));
    }

    @Test
    void blocksAreCheckedAgainstTheSubarray() {
        assertNull(SUB64.blockProblem(5, false, 779, 64, 1, 72));
        assertNull(SUB64.blockProblem(1, true, 779, 64, 1, 18));
        assertEquals("reference-output columns 258+2 outside the subarray (" + SUB64 + ")",
                SUB64.blockProblem(1, true, 779, 1, 258, 2));
        assertEquals("columns 2+72 outside the subarray (" + SUB64 + ")", SUB64.blockProblem(1, false, 779, 1, 2, 72));
    }
}
