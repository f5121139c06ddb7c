package org.miri.pixeldb.fits.chunk;

import org.miri.pixeldb.schemas.RampKind;

/**
 * One block of ramps of an integration, in 0-based array indices of its plane (science, or REFOUT).
 *
 * @param kind which plane
 * @param y0   first array row
 * @param rows rows in the block
 * @param x0   first array column
 * @param cols columns in the block
 */
public record ChunkBlock(RampKind kind, int y0, int rows, int x0, int cols) {

    /** Bytes of packed samples a chunk of this block carries. */
    public long sampleBytes(int ngroups) {
        return (long) rows * cols * ngroups * Short.BYTES;
    }
}
