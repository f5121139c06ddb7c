package org.miri.pixeldb.health.stats;

/**
 * Settings of the sigma clipping, with astropy's {@code sigma_clipped_stats} defaults: sigma = 3 on both sides,
 * maxiters = 5, cenfunc = 'median', stdfunc = 'std' (population, ddof 0). Only the two numbers are settable; the
 * centre and spread functions are fixed because the issue asks for exactly astropy's defaults.
 *
 * @param sigma number of standard deviations from the median beyond which a value is rejected
 * @param maxIterations the most clipping iterations (astropy's {@code maxiters})
 */
public record ClipSettings(double sigma, int maxIterations) {

    /** astropy.stats.sigma_clipped_stats(sigma=3, maxiters=5, cenfunc='median', stdfunc='std'). */
    public static final ClipSettings ASTROPY_DEFAULTS = new ClipSettings(3.0, 5);

    public ClipSettings {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("clipping sigma must be a finite number > 0, got " + sigma);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("clipping needs at least 1 iteration, got " + maxIterations);
        }
    }
}
