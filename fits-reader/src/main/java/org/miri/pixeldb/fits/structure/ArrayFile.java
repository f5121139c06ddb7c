package org.miri.pixeldb.fits.structure;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import nom.tam.fits.ImageHDU;

/**
 * The product file opened once more, read-only, for the byte-exact block reads of its corrected or slope arrays
 * (the ground-test raw reader does the same). Positional reads only, so the blocks of several arrays may be read side by side. Closed with the product file.
 */
public final class ArrayFile implements Closeable {

    private final FileChannel file;

    public ArrayFile(Path path) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
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
