package org.miri.pixeldb.fits.jwst;

import java.io.Closeable;
import java.io.IOException;
import org.miri.pixeldb.schemas.RampKind;

/** Reads hyperslabs of raw samples from one file layout; not thread-safe (one file position). */
public interface RawSampleSource extends Closeable {

    /**
     * The samples of one block of one integration, all groups, as unsigned 16-bit values in order
     * [group][row][col]. Rows and columns are 0-based array indices of the science (or REFOUT) plane.
     */
    char[] read(RampKind kind, int integration, int y0, int rows, int x0, int cols) throws IOException;
}
