package org.miri.pixeldb.stack.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.miri.pixeldb.model.ReferenceOutput;

/**
 * A corrected ramp file ({@code X_ramp.fits}) laid out as the JPL8 one: SCI float32, PIXELDQ uint32,
 * GROUPDQ uint8, ERR float32 (left out, as newer pipelines do, when asked) and REFOUT float32, the
 * 4-D ones (nints, ngroups, ny, nx) in numpy order. It is filled strip by strip.
 */
final class JwstRampLayout implements Closeable {

    private static final int SCI = 1;
    private static final int PIXELDQ = 2;
    private static final int GROUPDQ = 3;
    private final ExposureSpec spec;
    private final PlannedFits fits;
    private final int err;
    private final int refout;

    JwstRampLayout(ExposureSpec spec, Path file, Header primary, boolean withErr) throws IOException, FitsException {
        this.spec = spec;
        int nx = spec.nx();
        int ny = spec.ny();
        List<Header> headers = new ArrayList<>(List.of(primary,
                HduHeaders.image("SCI", HduHeaders.FLOAT32, "DN", nx, ny, spec.ngroups(), spec.nints()),
                HduHeaders.image("PIXELDQ", HduHeaders.UINT32, null, nx, ny),
                HduHeaders.image("GROUPDQ", HduHeaders.UINT8, null, nx, ny, spec.ngroups(), spec.nints())));
        err = withErr ? headers.size() : -1;
        if (withErr) {
            headers.add(HduHeaders.image("ERR", HduHeaders.FLOAT32, "DN", nx, ny, spec.ngroups(), spec.nints()));
        }
        refout = headers.size();
        headers.add(HduHeaders.image("REFOUT", HduHeaders.FLOAT32, "DN", ReferenceOutput.columns(nx), ny, spec.ngroups(), spec.nints()));
        fits = new PlannedFits(file, headers);
    }

    void write(CorrectedStrip strip) throws IOException {
        int nx = spec.nx();
        int pixels = strip.rows * nx;
        for (int g = 0; g < spec.ngroups(); g++) {
            // Index of the strip's first row among all rows of all (integration, group) planes.
            long row = ((long) (strip.integration - 1) * spec.ngroups() + g) * spec.ny() + strip.firstRow;
            fits.floats(SCI, row * nx, strip.sci[g], pixels);
            fits.bytes(GROUPDQ, row * nx, strip.groupDq[g], pixels);
            if (err >= 0) {
                fits.floats(err, row * nx, strip.err[g], pixels);
            }
            fits.floats(refout, row * ReferenceOutput.columns(nx), strip.refout[g], strip.rows * ReferenceOutput.columns(nx));
        }
        if (strip.integration == 1) {
            fits.uint32(PIXELDQ, (long) strip.firstRow * nx, strip.pixelDq, pixels);
        }
    }

    void finish() throws IOException {
        fits.finish();
    }

    @Override
    public void close() throws IOException {
        fits.close();
    }
}
