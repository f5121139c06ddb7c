package org.miri.pixeldb.health.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of issue 14 (and decision 0014's choices where the issue is silent) written a second time, straight from
 * the text, in a different shape from the production code: lists of values, sigma clipping by re-filtering and
 * re-sorting a list each iteration, fractions compared in integers (4 x passed >= 3 x counted), all thresholds as
 * literals. Only the default settings.
 */
public final class IndependentRules {

    /**
     * States per pixel index (pixels with no state absent); per "integration/amplifier" {m, s, pixels} and the
     * number of pixels considered there that have each state.
     */
    public record Result(Map<Integer, Set<PixelState>> states, Map<String, double[]> amplifiers,
            Map<String, Map<PixelState, Integer>> counts) {
    }

    public static Result apply(int firstCol, int cols, List<float[]> slopes, List<int[]> dqs, float[] jumps) {
        int nints = slopes.size();
        int pixels = slopes.get(0).length;
        // considered[i][p]
        boolean[][] considered = new boolean[nints][pixels];
        for (int i = 0; i < nints; i++) {
            for (int p = 0; p < pixels; p++) {
                int col = firstCol + p % cols;
                boolean reference = col <= 4 || col >= 1029 || dqs.get(i)[p] < 0; // bit 31 is the sign bit
                considered[i][p] = !Float.isNaN(slopes.get(i)[p]) && !Float.isInfinite(slopes.get(i)[p])
                        && dqs.get(i)[p] % 2 == 0 && !reference;
            }
        }
        // m and s per integration and amplifier
        double[][] m = new double[nints][5];
        double[][] s = new double[nints][5];
        Map<String, double[]> amplifiers = new HashMap<>();
        for (int i = 0; i < nints; i++) {
            for (int amp = 1; amp <= 4; amp++) {
                List<Double> values = new ArrayList<>();
                for (int p = 0; p < pixels; p++) {
                    if (considered[i][p] && ((firstCol + p % cols) - 1) % 4 + 1 == amp) {
                        values.add((double) slopes.get(i)[p]);
                    }
                }
                double[] ms = clip(values);
                m[i][amp] = ms[0];
                s[i][amp] = ms[1];
                amplifiers.put((i + 1) + "/" + amp, new double[] {ms[0], ms[1], values.size()});
            }
        }
        Map<Integer, Set<PixelState>> states = new HashMap<>();
        List<Double> noiseValues = new ArrayList<>();
        double[] noiseOf = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            int amp = ((firstCol + p % cols) - 1) % 4 + 1;
            List<Double> own = new ArrayList<>();
            int hot = 0;
            int warm = 0;
            int lit = 0;
            int dead = 0;
            for (int i = 0; i < nints; i++) {
                if (!considered[i][p]) {
                    continue;
                }
                double x = slopes.get(i)[p];
                own.add(x);
                hot += x > m[i][amp] + 5 * s[i][amp] ? 1 : 0;
                warm += x > m[i][amp] + 3 * s[i][amp] ? 1 : 0;
                if (m[i][amp] >= 10 * s[i][amp]) {
                    lit++;
                    dead += Math.abs(x) < 0.05 * m[i][amp] ? 1 : 0;
                }
            }
            noiseOf[p] = Double.NaN;
            if (own.isEmpty()) {
                continue;
            }
            Set<PixelState> set = EnumSet.noneOf(PixelState.class);
            if (4 * hot >= 3 * own.size()) {
                set.add(PixelState.HOT);
            } else if (4 * warm >= 3 * own.size()) {
                set.add(PixelState.WARM);
            }
            if (lit > 0 && 4 * dead >= 3 * lit) {
                set.add(PixelState.DEAD);
            }
            if (nints >= 3 && own.size() >= 3) {
                noiseOf[p] = sampleStd(own);
            }
            states.put(p, set);
        }
        for (int amp = 1; amp <= 4; amp++) {
            double[] noiseStats = clip(ofAmplifier(noiseOf, amp, firstCol, cols, states.keySet()));
            double[] jumpStats = jumps == null ? null : clip(ofAmplifier(toDouble(jumps), amp, firstCol, cols,
                    states.keySet()));
            for (int p : states.keySet()) {
                if (((firstCol + p % cols) - 1) % 4 + 1 != amp) {
                    continue;
                }
                if (!Double.isNaN(noiseOf[p]) && noiseOf[p] > noiseStats[0] + 5 * noiseStats[1]) {
                    states.get(p).add(PixelState.NOISY);
                }
                if (jumps != null && jumps[p] > jumpStats[0] + 5 * jumpStats[1] && jumps[p] >= 1) {
                    states.get(p).add(PixelState.JUMPY);
                }
            }
        }
        states.values().removeIf(Set::isEmpty);
        Map<String, Map<PixelState, Integer>> counts = new HashMap<>();
        for (int i = 0; i < nints; i++) {
            for (int amp = 1; amp <= 4; amp++) {
                Map<PixelState, Integer> count = new HashMap<>();
                for (PixelState state : PixelState.values()) {
                    int n = 0;
                    for (Map.Entry<Integer, Set<PixelState>> entry : states.entrySet()) {
                        int p = entry.getKey();
                        boolean here = considered[i][p] && ((firstCol + p % cols) - 1) % 4 + 1 == amp;
                        n += here && entry.getValue().contains(state) ? 1 : 0;
                    }
                    count.put(state, n);
                }
                counts.put((i + 1) + "/" + amp, count);
            }
        }
        return new Result(states, amplifiers, counts);
    }

    private static List<Double> ofAmplifier(double[] values, int amp, int firstCol, int cols, Set<Integer> seen) {
        List<Double> list = new ArrayList<>();
        for (int p : seen) {
            if (((firstCol + p % cols) - 1) % 4 + 1 == amp && !Double.isNaN(values[p])) {
                list.add(values[p]);
            }
        }
        return list;
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    /** {median, std} after clipping at 3 sigma, at most 5 times, as astropy. */
    static double[] clip(List<Double> values) {
        List<Double> kept = new ArrayList<>(values);
        for (int iteration = 0; iteration < 5 && !kept.isEmpty(); iteration++) {
            double median = median(kept);
            double std = populationStd(kept);
            List<Double> next = new ArrayList<>();
            for (double v : kept) {
                if (v >= median - 3 * std && v <= median + 3 * std) {
                    next.add(v);
                }
            }
            boolean changed = next.size() != kept.size();
            kept = next;
            if (!changed) {
                break;
            }
        }
        return kept.isEmpty() ? new double[] {Double.NaN, Double.NaN} : new double[] {median(kept), populationStd(kept)};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double populationStd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size());
    }

    private static double sampleStd(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }
}
