package org.miri.pixeldb.fits.structure;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.ImageHDU;
import nom.tam.util.FitsFile;

/**
 * The product file opened once more, read-only, for the byte-exact block reads of its corrected or slope arrays
 * (the ground-test raw reader does the same). One file position: not thread-safe. Closed with the product file.
 */
public final class ArrayFile implements Closeable {

    private final FitsFile file;

    public ArrayFile(Path path) throws IOException {
        this.file = new FitsFile(path.toFile(), "r");
    }

    /** A block reader of one validated extension; null when the (optional) extension is absent. */
    public ExtensionBytes array(ExtensionName name, ImageHDU hdu, ArrayType type) {
        return hdu == null ? null : new ExtensionBytes(file, name, hdu, type);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
