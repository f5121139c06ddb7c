package org.miri.pixeldb.fits.jwst;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ramps of a raw product integration by integration, whatever its layout (JWST, or JPL/OTIS converted on
 * the fly). Nothing is read until a block of an integration is asked for, and then only that block: memory stays
 * proportional to the block, never to the exposure. Not thread-safe; closed
 * with its {@link org.miri.pixeldb.fits.ProductFile}.
 */
public final class RawExposureReader {

    private final RampGeometry geometry;
    private final RawSampleSource source;

    public RawExposureReader(RampGeometry geometry, RawSampleSource source) {
        this.geometry = geometry;
        this.source = source;
    }

    public RampGeometry geometry() {
        return geometry;
    }

    /** Integration {@code number}, 1-based as in the JWST keywords. */
    public RawIntegration integration(int number) {
        if (number < 1 || number > geometry.nints()) {
            throw new IllegalArgumentException("integration " + number + " is not in 1.." + geometry.nints());
        }
        return new RawIntegration(number, geometry, source);
    }

    /** Every integration in order; each reads its own frames only when asked. */
    public List<RawIntegration> integrations() {
        List<RawIntegration> all = new ArrayList<>(geometry.nints());
        for (int number = 1; number <= geometry.nints(); number++) {
            all.add(integration(number));
        }
        return all;
    }
}
