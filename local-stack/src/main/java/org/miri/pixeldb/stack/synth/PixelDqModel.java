package org.miri.pixeldb.stack.synth;

import java.util.SplittableRandom;
import org.miri.pixeldb.model.DqFlags;

/**
 * The bad-pixel mask that dq_init ORs into PIXELDQ. Bad pixels belong to the detector, not to an
 * exposure, so the mask is seeded by the detector's name: the same pixels are hot or dead in every
 * synthetic exposure of that detector, as in the pipeline's mask reference file.
 */
final class PixelDqModel {

    /** About 1 pixel in 1,000 dead and 3 in 1,000 hot: a SUB64 window has a few of each. */
    private static final double DEAD_FRACTION = 0.001;
    private static final double HOT_FRACTION = 0.003;
    private final long seed;
    private final ExposureSpec spec;

    PixelDqModel(ExposureSpec spec) {
        this.spec = spec;
        this.seed = 0x5DEECE66DL * spec.detector().hashCode();
    }

    /** The uint32 mask of the full-frame pixel (row, col), 1-based. */
    int flags(int row, int col) {
        if (spec.isReferenceColumn(col)) {
            return DqFlags.REFERENCE_PIXEL | DqFlags.NON_SCIENCE;
        }
        double draw = new SplittableRandom(seed ^ ((long) row << 21) ^ col).nextDouble();
        if (draw < DEAD_FRACTION) {
            // Dead pixels carry DO_NOT_USE in the mask, so the pipeline blanks them (NaN) downstream.
            return DqFlags.DEAD | DqFlags.DO_NOT_USE;
        }
        return draw < DEAD_FRACTION + HOT_FRACTION ? DqFlags.HOT : 0;
    }
}
