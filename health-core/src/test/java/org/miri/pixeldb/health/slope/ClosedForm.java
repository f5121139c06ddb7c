package org.miri.pixeldb.health.slope;

/**
 * The textbook least-squares slope, written independently of the production code: centred sums in double of
 * t = g * TGROUP over groups first..last, leaving out samples >= 65,000; NaN when fewer than two remain.
 */
final class ClosedForm {

    private ClosedForm() {
    }

    /** {@code sampleAt.applyAsInt(g)} is the DN of group g. */
    static double slope(java.util.function.IntUnaryOperator sampleAt, int first, int last, double tgroup) {
        double sumT = 0;
        double sumY = 0;
        int n = 0;
        for (int g = first; g <= last; g++) {
            if (sampleAt.applyAsInt(g) < 65_000) {
                sumT += g * tgroup;
                sumY += sampleAt.applyAsInt(g);
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double meanT = sumT / n;
        double meanY = sumY / n;
        double sxy = 0;
        double sxx = 0;
        for (int g = first; g <= last; g++) {
            int y = sampleAt.applyAsInt(g);
            if (y < 65_000) {
                sxy += (g * tgroup - meanT) * (y - meanY);
                sxx += (g * tgroup - meanT) * (g * tgroup - meanT);
            }
        }
        return sxy / sxx;
    }

    static double slope(int[] ramp, int first, int last, double tgroup) {
        return slope(g -> ramp[g], first, last, tgroup);
    }

    /**
     * Float32 agreement: one unit in the last place of the float nearest the expected slope, and never less than
     * 1e-9 DN/s, because a slope of exactly 0 (a flat ramp) comes out of the centred double sums as +-1e-16
     * while the production fit, exact in integers, gives 0.
     */
    static double float32Tolerance(double expected) {
        return Math.max(Math.ulp((float) expected), 1e-9);
    }
}
