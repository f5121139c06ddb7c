package org.miri.pixeldb.api.region;

import java.io.IOException;

/** Receives the ramps of a region one by one, in integration, row, column order, still packed. */
@FunctionalInterface
public interface RampVisitor {

    /**
     * @param strip the strip's packed values (for corrected ramps: SCI, ERR or null, GROUPDQ)
     * @param index the ramp's position in its strip
     */
    void ramp(int integration, int row, int col, byte[][] strip, int index) throws IOException;
}
