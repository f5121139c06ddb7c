package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.fits.structure.ArrayFile;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionBytes;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Samples of a JWST raw file: hyperslabs of SCI and REFOUT (nints, ngroups, ny, nx) read straight from the file, one
 * positional read per group of whole rows ({@link ExtensionBytes}); nom-tam-fits' tiler read row by row and spent
 * most of its time seeking.
 */
public final class JwstRawSource implements RawSampleSource {

    private final ArrayFile file;
    private final ExtensionBytes science;
    private final ExtensionBytes refout;
    private final int ngroups;

    public JwstRawSource(Path path, ImageHDU science, ImageHDU refout, int ngroups) throws IOException {
        this.file = new ArrayFile(path);
        this.science = file.array(ExtensionName.SCI, science, ArrayType.UINT16);
        this.refout = file.array(ExtensionName.REFOUT, refout, ArrayType.UINT16);
        this.ngroups = ngroups;
    }

    @Override
    public char[] read(RampKind kind, int integration, int y0, int rows, int x0, int cols) throws IOException {
        ExtensionBytes array = kind == RampKind.SCIENCE ? science : refout;
        byte[] samples = array.read(new int[] {integration - 1, 0, y0, x0}, new int[] {1, ngroups, rows, cols});
        char[] values = new char[samples.length / Character.BYTES];
        ByteBuffer.wrap(samples).asCharBuffer().get(values); // big-endian, as FITS: one bulk copy, not a byte loop
        return values;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
