package org.miri.pixeldb.health.stats;

import java.util.Arrays;

/**
 * The data sets of health-core/src/test/python/sigma_clip_reference.py, generated bit for bit the same way: a 64-bit
 * LCG (Knuth's MMIX constants; Java's long arithmetic wraps as Python's masking does), uniforms from its top 53
 * bits, normals as twelve uniforms summed in order minus 6, and the same plain additions. Keep the two in step.
 */
final class DataSets {

    private long state;

    private DataSets(long seed) {
        state = seed;
    }

    private double uniform() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (state >>> 11) * (1.0 / (1L << 53));
    }

    private double gauss() {
        double total = 0.0;
        for (int k = 0; k < 12; k++) {
            total += uniform();
        }
        return total - 6.0;
    }

    static double[] named(String name) {
        switch (name) {
            case "gaussian_with_outliers": {
                DataSets rng = new DataSets(1);
                double[] v = new double[1000];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 100.0 + 5.0 * rng.gauss();
                    v[i] += i % 50 == 7 ? 40.0 + 5.0 * (i % 13) : 0;
                    v[i] -= i % 97 == 3 ? 60.0 : 0;
                    v[i] = i % 211 == 0 ? Double.NaN : v[i];
                }
                return v;
            }
            case "one_sided_odd": {
                DataSets rng = new DataSets(2);
                double[] v = new double[257];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 10.0 + 0.5 * rng.gauss();
                    v[i] += i % 5 == 0 ? 1.5 + 3.0 * rng.uniform() : 0;
                }
                return v;
            }
            case "heavy_tail": {
                DataSets rng = new DataSets(3);
                double[] v = new double[400];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 1.0 / (rng.uniform() + 0.001);
                }
                return v;
            }
            case "small_even_with_invalid":
                return new double[] {1, 2, Double.NaN, 4, 3, 100, 2.5, Double.POSITIVE_INFINITY, 3.5, -50, 2, 3};
            case "bound_is_inclusive": {
                double[] v = new double[18];
                v[16] = -3;
                v[17] = 3;
                return v;
            }
            case "constant": {
                double[] v = new double[9];
                Arrays.fill(v, 7.25);
                return v;
            }
            case "slopes_like": {
                DataSets rng = new DataSets(5);
                double[] v = new double[4608];
                for (int i = 0; i < v.length; i++) {
                    v[i] = 16.5 + 5.8 * rng.gauss();
                    v[i] = i % 72 < 4 ? 0.0 : v[i];
                    v[i] = i % 331 == 17 ? 900.0 + i : v[i];
                }
                return v;
            }
            default:
                throw new IllegalArgumentException("no data set " + name);
        }
    }
}
