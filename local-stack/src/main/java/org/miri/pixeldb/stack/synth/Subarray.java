package org.miri.pixeldb.stack.synth;

import java.util.Locale;

/**
 * The MIRI subarrays: first column and row (1-based, full frame) and size. GENERIC is not one of them:
 * it stands for any other window and is here a tiny 12 x 8 one in the last corner of the detector,
 * which holds the right-hand reference columns (1029-1032), for quick tests of every product.
 */
public enum Subarray {
    FULL(1, 1, 1032, 1024),
    BRIGHTSKY(457, 51, 512, 512),
    SUB256(413, 51, 256, 256),
    SUB128(1, 889, 136, 128),
    SUB64(1, 779, 72, 64),
    SLITLESSPRISM(1, 529, 72, 416),
    MASK1065(1, 19, 288, 224),
    MASK1140(1, 245, 288, 224),
    MASK1550(1, 467, 288, 224),
    MASKLYOT(1, 717, 320, 304),
    GENERIC(1021, 1017, 12, 8);

    public final int substrt1;
    public final int substrt2;
    public final int subsize1;
    public final int subsize2;

    Subarray(int substrt1, int substrt2, int subsize1, int subsize2) {
        this.substrt1 = substrt1;
        this.substrt2 = substrt2;
        this.subsize1 = subsize1;
        this.subsize2 = subsize2;
    }

    public static Subarray named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
