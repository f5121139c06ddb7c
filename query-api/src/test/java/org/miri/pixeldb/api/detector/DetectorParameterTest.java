package org.miri.pixeldb.api.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.model.Detector;

class DetectorParameterTest {

    @Test
    void aDetectorIsNamedInAnyCaseOrByScaId() {
        assertEquals(Detector.MIRIMAGE, DetectorParameter.resolve("detector", "mirimage"));
        assertEquals(Detector.MIRIFULONG, DetectorParameter.resolve("detector", " 494 "));
        assertEquals(Detector.MIRIFUSHORT, DetectorParameter.resolve("detector", "MIRIFUSHORT"));
    }

    @Test
    void anythingElseIsA400NamingTheParameterAndTheDetectors() {
        ApiException e = assertThrows(ApiException.class, () -> DetectorParameter.resolve("detector", "NIRCAM"));
        assertEquals(400, e.status());
        assertEquals("detector", e.parameter());
        assertEquals("unknown detector; use one of [MIRIMAGE (493), MIRIFULONG (494), MIRIFUSHORT (495)]",
                e.getMessage());
    }
}
