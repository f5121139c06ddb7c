package org.miri.pixeldb.loader.testdata;

/**
 * Realistic raw MIRI ramps as a pure function of (seed, integration, row, column, group), so a test
 * can recompute any expected sample instead of keeping gigabytes: a per-pixel bias around 10,000 DN,
 * a per-pixel slope of 0-400 DN per group (one pixel in 500 is hot and saturates at 65,535), Gaussian
 * read noise of about 6 DN, all clipped to unsigned 16 bits.
 */
public record SyntheticRamps(long seed) {

    public int sample(int integration, int row, int col, int group) {
        long pixel = mix(seed ^ ((long) row << 20) ^ col);
        int bias = 10_000 + (int) ((pixel & 0xFFF) - 2048) * 3 / 4;
        boolean hot = ((pixel >>> 12) & 0x1FF) == 0;
        double slope = hot ? 4_000 : ((pixel >>> 21) & 0x1FF) * 400.0 / 511;
        long noise = mix(pixel ^ ((long) integration << 40) ^ ((long) group << 48));
        // Sum of four uniform variates: close enough to Gaussian for storage measurements.
        double gaussian = ((noise & 0xFFFF) + ((noise >>> 16) & 0xFFFF) + ((noise >>> 32) & 0xFFFF)
                + (noise >>> 48) - 2 * 65_535.0) / 37_837.0;
        long value = Math.round(bias + slope * group + 6 * gaussian);
        return (int) Math.max(0, Math.min(65_535, value));
    }

    /** Packs one block in the RawRampChunk order [row][col][group], big-endian unsigned 16-bit. */
    public byte[] pack(int integration, int firstRow, int rows, int firstCol, int cols, int ngroups) {
        byte[] bytes = new byte[rows * cols * ngroups * 2];
        int at = 0;
        for (int r = firstRow; r < firstRow + rows; r++) {
            for (int c = firstCol; c < firstCol + cols; c++) {
                for (int g = 0; g < ngroups; g++) {
                    int value = sample(integration, r, c, g);
                    bytes[at++] = (byte) (value >>> 8);
                    bytes[at++] = (byte) value;
                }
            }
        }
        return bytes;
    }

    private static long mix(long z) {
        // SplitMix64's finaliser: every input bit reaches every output bit.
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
