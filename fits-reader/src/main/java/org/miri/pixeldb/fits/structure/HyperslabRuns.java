package org.miri.pixeldb.fits.structure;

/**
 * Where a hyperslab of an array lies in the file: as few contiguous byte runs as its shape allows. The trailing axes
 * the block spans whole merge with the first axis it does not, so a block of whole rows of every group is one run per
 * group, not one per row: a row-by-row read (nom-tam-fits' tiler) spent most of its time seeking.
 */
final class HyperslabRuns {

    private final int[] dims;

    /** @param dims the array's dimensions in bytes along the last axis, slowest first */
    HyperslabRuns(int[] dims) {
        this.dims = dims.clone();
    }

    /** Bytes of each run of the block. */
    long runBytes(int[] corner, int[] lengths) {
        int axis = mergedAxis(corner, lengths);
        return lengths[axis] * stride(axis);
    }

    /** Offsets of the block's runs from the start of the data, in file order, which is the order of the block's bytes. */
    long[] runOffsets(int[] corner, int[] lengths) {
        int merged = mergedAxis(corner, lengths);
        int count = 1;
        for (int axis = 0; axis < merged; axis++) {
            count *= lengths[axis];
        }
        long[] offsets = new long[count];
        int[] index = new int[merged];
        for (int run = 0; run < count; run++) {
            long offset = corner[merged] * stride(merged);
            for (int axis = 0; axis < merged; axis++) {
                offset += (long) (corner[axis] + index[axis]) * stride(axis);
            }
            offsets[run] = offset;
            for (int axis = merged - 1; axis >= 0 && ++index[axis] == lengths[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return offsets;
    }

    /** The slowest axis whose faster axes the block spans whole. */
    private int mergedAxis(int[] corner, int[] lengths) {
        int axis = dims.length - 1;
        while (axis > 0 && corner[axis] == 0 && lengths[axis] == dims[axis]) {
            axis--;
        }
        return axis;
    }

    /** Bytes between consecutive indices of an axis. */
    private long stride(int axis) {
        long stride = 1;
        for (int faster = axis + 1; faster < dims.length; faster++) {
            stride *= dims[faster];
        }
        return stride;
    }
}
