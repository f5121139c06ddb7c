package org.miri.pixeldb.stack.synth;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;
import org.miri.pixeldb.model.ReferenceOutput;

/**
 * A JPL ground-test raw file: one primary HDU of (nints*ngroups) frames of 1.25*ny rows, the last
 * fifth of each frame holding the reference output packed column after column (domain.md).
 */
public final class JplRawLayout {

    private JplRawLayout() {
    }

    public static Path write(ExposureSpec spec, Path folder) throws IOException, FitsException {
        int nx = spec.nx();
        int ny = spec.ny();
        int refCols = ReferenceOutput.columns(nx);
        Path file = folder.resolve(spec.name() + ".fits");
        RampModel model = new RampModel(spec.seed(), spec.scene());
        try (FitsOutputStream out = new FitsOutputStream(new java.io.FileOutputStream(file.toFile()))) {
            Header header = FitsImageStream.imageHeader(true, null, nx, ReferenceOutput.groundTestFrameRows(ny), spec.nints() * spec.ngroups());
            SyntheticKeywords.jpl(header, spec);
            FitsImageStream frames = new FitsImageStream(out, header);
            for (int i = 1; i <= spec.nints(); i++) {
                IntegrationBuffer integration = new IntegrationBuffer(spec, model, i);
                for (int g = 0; g < spec.ngroups(); g++) {
                    for (char sample : integration.science[g]) {
                        frames.write(sample);
                    }
                    // Flattened row by row, the packed block is REFOUT column 0 (ny values), then column 1, ...
                    for (int col = 0; col < refCols; col++) {
                        for (int y = 0; y < ny; y++) {
                            frames.write(integration.refout[g][y * refCols + col]);
                        }
                    }
                }
            }
            frames.finish();
        }
        return file;
    }
}
