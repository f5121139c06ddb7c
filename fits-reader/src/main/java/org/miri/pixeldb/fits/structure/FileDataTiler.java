package org.miri.pixeldb.fits.structure;

import nom.tam.image.StandardImageTiler;
import nom.tam.util.RandomAccess;

/**
 * A nom-tam-fits tiler over one HDU's data in the file, viewed with dimensions and an element type of our choosing.
 * It reads only the requested hyperslab, straight from the file, and never loads the whole array into memory
 * (no memory image), which keeps a 1 GB product readable with a small heap.
 */
public final class FileDataTiler extends StandardImageTiler {

    /**
     * @param dataOffset byte offset of the HDU's data in the file
     * @param dims       the view's dimensions, slowest axis first
     * @param base       the view's element type, e.g. {@code short.class}, or {@code byte.class} for the raw bytes
     */
    public FileDataTiler(RandomAccess file, long dataOffset, int[] dims, Class<?> base) {
        super(file, dataOffset, dims, base);
    }

    @Override
    protected Object getMemoryImage() {
        return null;
    }
}
