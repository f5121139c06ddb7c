package org.miri.pixeldb.health.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SigmaClipper} against astropy's sigma_clipped_stats defaults, as re-implemented with numpy in
 * health-core/src/test/python/sigma_clip_reference.py (astropy is not installed here). The expected values are that
 * script's output, pasted: re-run {@code python3 health-core/src/test/python/sigma_clip_reference.py} after changing
 * a data set (in both the script and {@link DataSets}). Two of the sets stop at maxiters=5 before converging.
 */
class SigmaClipperReferenceTest {

    /** mean, median, std, kept, iterations. */
    private static final Map<String, double[]> EXPECTED = Map.ofEntries(
        // produced by health-core/src/test/python/sigma_clip_reference.py, numpy 2.4.6
        Map.entry("gaussian_with_outliers", new double[] {99.99920914973345, 99.90297213432322, 4.754593512814331, 964, 2}),
        Map.entry("one_sided_odd", new double[] {10.120893926099127, 10.038469367346707, 0.6904276199396719, 220, 5}),
        Map.entry("heavy_tail", new double[] {2.1609387563624085, 1.7315742739944144, 1.1321331493617461, 346, 5}),
        Map.entry("small_even_with_invalid", new double[] {7.1, 2.75, 34.72376707674443, 10, 1}),
        Map.entry("bound_is_inclusive", new double[] {0.0, 0.0, 1.0, 18, 1}),
        Map.entry("constant", new double[] {7.25, 7.25, 0.0, 9, 1}),
        Map.entry("slopes_like", new double[] {15.633951001132925, 16.16304262549514, 6.766789446489603, 4594, 2}));

    static Iterable<String> dataSets() {
        return new java.util.TreeSet<>(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("dataSets")
    void equalsTheNumpyReference(String name) {
        double[] expected = EXPECTED.get(name);
        ClippedStats actual = SigmaClipper.astropyDefaults().stats(DataSets.named(name));
        assertRelative(expected[0], actual.mean(), name + " mean");
        assertRelative(expected[1], actual.median(), name + " median");
        assertRelative(expected[2], actual.std(), name + " std");
        assertEquals((int) expected[3], actual.kept(), name + " kept");
        assertEquals((int) expected[4], actual.iterations(), name + " iterations");
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }
}
