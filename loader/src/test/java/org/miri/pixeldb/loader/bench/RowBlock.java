package org.miri.pixeldb.loader.bench;

import org.miri.pixeldb.loader.testdata.SyntheticRamps;

/**
 * Science ramps of a block of detector rows of one exposure, all integrations: {@code samples[i]}
 * holds integration i+1 packed as in RawRampChunk ([row][col][group], big-endian uint16). Generated
 * before a timed load, so that the timings hold the database's work and not the generator's.
 */
record RowBlock(int productId, int firstRow, int rows, int firstCol, int cols, int ngroups, byte[][] samples) {

    static RowBlock generate(SyntheticRamps ramps, int productId, int firstRow, int rows, int firstCol, int cols,
                             int nints, int ngroups) {
        byte[][] samples = new byte[nints][];
        for (int i = 0; i < nints; i++) {
            samples[i] = ramps.pack(i + 1, firstRow, rows, firstCol, cols, ngroups);
        }
        return new RowBlock(productId, firstRow, rows, firstCol, cols, ngroups, samples);
    }

    int nints() {
        return samples.length;
    }

    int rampBytes() {
        return ngroups * 2;
    }

    /** Offset in {@code samples[i]} of the ramp at block row {@code r}, block column {@code c}. */
    int offset(int r, int c) {
        return (r * cols + c) * rampBytes();
    }

    long ramps() {
        return (long) rows * cols * nints();
    }
}
