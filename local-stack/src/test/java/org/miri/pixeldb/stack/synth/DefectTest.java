package org.miri.pixeldb.stack.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Injected defects change exactly their pixel's ramps, in exactly their exposures, by their documented amount. */
class DefectTest {

    private static final int GROUPS = 40;
    private static final Scene FLAT = new Scene(100, List.of(Defect.of(Defect.Kind.HOT, 800, 10),
            Defect.of(Defect.Kind.DEAD, 801, 11), Defect.of(Defect.Kind.NOISY, 802, 12),
            Defect.of(Defect.Kind.JUMPY, 803, 13), Defect.parse("warm:804:14:4-6")), 1);

    @Test
    void aDefectIsWrittenKindRowColumnAndOptionallyItsExposures() {
        assertEquals(new Defect(Defect.Kind.HOT, 800, 10, 4, 6), Defect.parse("HOT:800:10:4-6"));
        assertEquals(new Defect(Defect.Kind.DEAD, 1, 1, 3, 3), Defect.parse("dead:1:1:3"));
        assertEquals(Defect.of(Defect.Kind.JUMPY, 1024, 1032), Defect.parse(" JUMPY:1024:1032 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HOT", "HOT:800", "SHINY:800:10", "HOT:0:10", "HOT:800:1033", "HOT:800:10:6-4",
            "HOT:800:10:0-2", "HOT:x:10", "HOT:800:10:4-6:7"})
    void aMalformedDefectIsRefusedSayingWhatOneLooksLike(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Defect.parse(text));
        assertTrue(e.getMessage().contains("KIND:ROW:COL") || e.getMessage().contains("row 1..1024")
                || e.getMessage().contains("FIRST-LAST"), e.getMessage());
    }

    @Test
    void defectsNeedAFlatFieldToBeSizedAgainst() {
        assertThrows(IllegalArgumentException.class, () -> new Scene(0, List.of(Defect.of(Defect.Kind.HOT, 1, 5)), 1));
    }

    @Test
    void eachDefectMovesItsPixelsRateByItsAmount() {
        RampModel model = new RampModel(7, FLAT);
        // On the nominal 100 DN per group: +25 and +4 response sigmas, none, +-8 sigmas by integration.
        assertEquals(225, rate(model, 1, 800, 10), 5, "HOT");
        assertEquals(0, rate(model, 1, 801, 11), 2, "DEAD");
        assertEquals(140, rate(model, 1, 802, 12), 5, "NOISY, odd integration");
        assertEquals(60, rate(model, 2, 802, 12), 5, "NOISY, even integration");
        assertEquals(120, rate(new RampModel(7, FLAT.inSeries(5)), 1, 804, 14), 5, "WARM");
        double healthy = FLAT.flatRate(7, 805, 15);
        assertEquals(healthy, rate(model, 1, 805, 15), 0.03 * healthy, "no defect");
        assertEquals(100, healthy, 20, "the flat field's rate, within 4 sigma of its 5 % response");
    }

    @Test
    void aJumpyPixelJumpsInAboutAThirdOfItsGroupsAndOthersRarely() {
        RampModel model = new RampModel(7, FLAT);
        int jumpy = 0;
        int healthy = 0;
        for (int integration = 1; integration <= 10; integration++) {
            jumpy += jumps(model, integration, 803, 13);
            healthy += jumps(model, integration, 805, 15);
        }
        assertTrue(jumpy > 0.2 * 10 * GROUPS && jumpy < 0.4 * 10 * GROUPS, jumpy + " jumps");
        assertTrue(healthy <= 2, healthy + " jumps");
    }

    @Test
    void aRangedDefectIsInItsExposuresOnly() {
        assertNull(FLAT.inSeries(3).defectAt(804, 14));
        assertEquals(Defect.Kind.WARM, FLAT.inSeries(4).defectAt(804, 14));
        assertEquals(Defect.Kind.WARM, FLAT.inSeries(6).defectAt(804, 14));
        assertNull(FLAT.inSeries(7).defectAt(804, 14));
        assertEquals("2026-11-28", FLAT.inSeries(4).dateObs().toString(), "one exposure a day from 2026-11-25");
    }

    private static double rate(RampModel model, int integration, int row, int col) {
        int[] samples = new int[GROUPS];
        model.ramp(integration, row, col, false, samples);
        return (samples[GROUPS - 1] - samples[0]) / (double) (GROUPS - 1);
    }

    private static int jumps(RampModel model, int integration, int row, int col) {
        int[] samples = new int[GROUPS];
        boolean[] jumps = new boolean[GROUPS];
        model.ramp(integration, row, col, false, samples, jumps);
        int n = 0;
        for (boolean jump : jumps) {
            n += jump ? 1 : 0;
        }
        return n;
    }
}
