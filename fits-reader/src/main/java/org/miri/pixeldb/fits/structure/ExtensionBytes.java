package org.miri.pixeldb.fits.structure;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageHDU;

/**
 * Reads hyperslabs of one validated image extension as the file's own big-endian bytes. The data is viewed as bytes
 * (the last axis times the value size), and only the requested block is read from the file, in as few positional reads
 * as its shape allows ({@link HyperslabRuns}); float32 values are never decoded: their bits, NaN payloads included,
 * pass through unchanged.
 */
public final class ExtensionBytes {

    private final ExtensionName name;
    private final ArrayType type;
    private final int[] dims;
    private final FileChannel file;
    private final long dataOffset;
    private final HyperslabRuns runs;

    ExtensionBytes(FileChannel file, ExtensionName name, ImageHDU hdu, ArrayType type) {
        this.name = name;
        this.type = type;
        try {
            this.dims = hdu.getAxes().clone();
        } catch (FitsException e) {
            throw new IllegalStateException(name + " axes were validated but are unreadable now", e);
        }
        int[] byteView = dims.clone();
        byteView[dims.length - 1] = Math.multiplyExact(dims[dims.length - 1], type.bytes());
        this.file = file;
        this.dataOffset = hdu.getData().getFileOffset();
        this.runs = new HyperslabRuns(byteView);
    }

    /**
     * The values of a block as message bytes (uint32 flags unsigned, see {@link ArrayType#unsign}), in file order.
     *
     * @param corner  first index of each axis, slowest first, in values
     * @param lengths length along each axis, slowest first, in values
     */
    public byte[] read(int[] corner, int[] lengths) throws IOException {
        long bytes = type.bytes();
        for (int axis = 0; axis < dims.length; axis++) {
            if (corner[axis] < 0 || lengths[axis] < 1 || (long) corner[axis] + lengths[axis] > dims[axis]) {
                throw new IllegalArgumentException(name + " block " + Arrays.toString(corner) + " + "
                        + Arrays.toString(lengths) + " is not inside the array " + Arrays.toString(dims));
            }
            bytes *= lengths[axis];
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " block of " + bytes + " bytes is too large for one array");
        }
        int last = dims.length - 1;
        int[] byteCorner = corner.clone();
        int[] byteLengths = lengths.clone();
        byteCorner[last] *= type.bytes();
        byteLengths[last] *= type.bytes();
        byte[] values = new byte[(int) bytes];
        int runBytes = (int) runs.runBytes(byteCorner, byteLengths);
        int at = 0;
        for (long offset : runs.runOffsets(byteCorner, byteLengths)) {
            readFully(ByteBuffer.wrap(values, at, runBytes), dataOffset + offset);
            at += runBytes;
        }
        type.unsign(values);
        return values;
    }

    /** Positional reads: no shared file position, no seek. */
    private void readFully(ByteBuffer run, long position) throws IOException {
        while (run.hasRemaining()) {
            int read = file.read(run, position);
            if (read < 0) {
                throw new EOFException(name + " ends before its data does, at byte " + position);
            }
            position += read;
        }
    }
}
