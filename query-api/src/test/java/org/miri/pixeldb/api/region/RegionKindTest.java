package org.miri.pixeldb.api.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;

class RegionKindTest {

    @Test
    void kindIsRawCorrectedOrRefoutInAnyCaseRawByDefault() {
        assertEquals(RegionKind.RAW, RegionKind.parse(null));
        assertEquals(RegionKind.RAW, RegionKind.parse(" "));
        assertEquals(RegionKind.RAW, RegionKind.parse("raw"));
        assertEquals(RegionKind.CORRECTED, RegionKind.parse("Corrected"));
        assertEquals(RegionKind.REFOUT, RegionKind.parse(" refout "));
        assertEquals("kind", assertThrows(ApiException.class, () -> RegionKind.parse("science")).parameter());
    }

    @Test
    void eachKindReadsItsProductAndStripTable() {
        assertEquals("RAW raw_ramp_strip", RegionKind.RAW.product + " " + RegionKind.RAW.table);
        assertEquals("RAMP corrected_ramp_strip", RegionKind.CORRECTED.product + " " + RegionKind.CORRECTED.table);
        assertEquals("RAW refout_ramp_strip", RegionKind.REFOUT.product + " " + RegionKind.REFOUT.table);
    }
}
