package org.miri.pixeldb.health.slope;

/**
 * Quick-look slope of raw ramps (issue 14, item 1): the ordinary least-squares slope in DN/s of the samples against
 * t = g x TGROUP over the {@link RampWindow#quickLook quick-look window}, leaving out every sample >= 65,000 DN; NaN
 * with DO_NOT_USE when fewer than two samples remain. Samples are unsigned 16-bit: {@code char}s as the project's
 * raw reader gives them ({@code RawIntegration.science()}), or {@code int}s 0..65535. There is deliberately no
 * {@code short[]} variant: FITS stores uint16 as int16 with BZERO 32768, and a {@code short} would invite passing
 * the stored value instead of the DN. Immutable and thread-safe.
 */
public final class QuickLookSlope {

    /** Samples at or above this are left out (the fixed saturation level for raw data). */
    public static final int SATURATION_DN = 65_000;

    private final RampWindow window;
    private final double tgroupSeconds;

    public QuickLookSlope(int ngroups, double tgroupSeconds) {
        if (!(tgroupSeconds > 0) || Double.isInfinite(tgroupSeconds)) {
            throw new IllegalArgumentException("TGROUP must be a finite number of seconds > 0, got " + tgroupSeconds);
        }
        this.window = RampWindow.quickLook(ngroups);
        this.tgroupSeconds = tgroupSeconds;
    }

    public RampWindow window() {
        return window;
    }

    /** The slope of one ramp given as its NGROUPS samples. */
    public RampSlope fit(char[] ramp) {
        RampBounds.requireRamp(window, ramp.length);
        return fit(ramp, 0, 1);
    }

    /** The slope of one ramp given as its NGROUPS samples, each 0..65535. */
    public RampSlope fit(int[] ramp) {
        RampBounds.requireRamp(window, ramp.length);
        return fit(ramp, 0, 1);
    }

    /** The ramp whose group g is at {@code samples[offset + g * stride]}, e.g. a pixel of a [group][row][col] cube. */
    public RampSlope fit(char[] samples, int offset, int stride) {
        RampBounds.requireInside(window, samples.length, offset, stride);
        RampFit fit = new RampFit();
        for (int g = window.first(); g <= window.last(); g++) {
            fit.add(g, samples[offset + g * stride]);
        }
        return fit.result(tgroupSeconds);
    }

    /** As {@link #fit(char[], int, int)}, for samples held in {@code int}s (each must be 0..65535). */
    public RampSlope fit(int[] samples, int offset, int stride) {
        RampBounds.requireInside(window, samples.length, offset, stride);
        RampFit fit = new RampFit();
        for (int g = window.first(); g <= window.last(); g++) {
            fit.add(g, samples[offset + g * stride]);
        }
        return fit.result(tgroupSeconds);
    }
}
