package org.miri.pixeldb.fits.chunk;

import java.util.List;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Cuts one plane of ramps into blocks within a byte budget: whole rows when a row fits, balanced so that blocks differ
 * by at most one row; when one row is over budget, each row alone, cut into balanced column runs.
 */
final class PlaneCutter {

    private PlaneCutter() {
    }

    static void cut(RampKind kind, int rows, int cols, int rampBytes, int budgetBytes, List<ChunkBlock> into) {
        long rowBytes = (long) cols * rampBytes;
        if (rowBytes <= budgetBytes) {
            int[] runs = balanced(rows, (int) (budgetBytes / rowBytes));
            int y0 = 0;
            for (int run : runs) {
                into.add(new ChunkBlock(kind, y0, run, 0, cols));
                y0 += run;
            }
            return;
        }
        int[] runs = balanced(cols, budgetBytes / rampBytes);
        for (int y = 0; y < rows; y++) {
            int x0 = 0;
            for (int run : runs) {
                into.add(new ChunkBlock(kind, y, 1, x0, run));
                x0 += run;
            }
        }
    }

    /** Splits {@code total} into the fewest runs of at most {@code max}, the first ones one longer where needed. */
    static int[] balanced(int total, int max) {
        int count = (total + max - 1) / max;
        int[] runs = new int[count];
        for (int i = 0; i < count; i++) {
            runs[i] = total / count + (i < total % count ? 1 : 0);
        }
        return runs;
    }
}
