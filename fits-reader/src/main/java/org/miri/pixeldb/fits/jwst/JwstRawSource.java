package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import nom.tam.fits.ImageHDU;
import nom.tam.image.StandardImageTiler;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Samples of a JWST raw file: hyperslabs of SCI and REFOUT (nints, ngroups, ny, nx) through nom-tam-fits' tiler,
 * which reads only the requested part of the deferred data from the file.
 */
public final class JwstRawSource implements RawSampleSource {

    private final StandardImageTiler science;
    private final StandardImageTiler refout;
    private final int ngroups;

    public JwstRawSource(ImageHDU science, ImageHDU refout, int ngroups) {
        this.science = science.getTiler();
        this.refout = refout.getTiler();
        this.ngroups = ngroups;
    }

    @Override
    public char[] read(RampKind kind, int integration, int y0, int rows, int x0, int cols) throws IOException {
        StandardImageTiler tiler = kind == RampKind.SCIENCE ? science : refout;
        short[] stored = (short[]) tiler.getTile(new int[] {integration - 1, 0, y0, x0},
                new int[] {1, ngroups, rows, cols});
        return RawPixelType.unsigned(stored);
    }

    @Override
    public void close() {
        // The tilers read through the Fits object, which the product file closes.
    }
}
