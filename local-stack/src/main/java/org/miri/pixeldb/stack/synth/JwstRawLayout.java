package org.miri.pixeldb.stack.synth;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;
import org.miri.pixeldb.model.ReferenceOutput;

/** A JWST level-1b raw file ({@code X_uncal.fits}): header-only primary HDU, SCI and REFOUT extensions. */
public final class JwstRawLayout {

    private JwstRawLayout() {
    }

    public static Path write(ExposureSpec spec, Path folder) throws IOException, FitsException {
        Path file = folder.resolve(spec.name() + "_uncal.fits");
        RampModel model = new RampModel(spec.seed(), spec.scene());
        try (FitsOutputStream out = new FitsOutputStream(new java.io.FileOutputStream(file.toFile()))) {
            Header primary = new Header();
            FitsImageStream.simple(primary);
            primary.addValue(nom.tam.fits.header.Standard.BITPIX, 8);
            primary.addValue(nom.tam.fits.header.Standard.NAXIS, 0);
            primary.addValue(nom.tam.fits.header.Standard.EXTEND, true);
            SyntheticKeywords.jwst(primary, spec);
            primary.write(out);
            FitsImageStream sci = new FitsImageStream(out, FitsImageStream.imageHeader(false, "SCI",
                    spec.nx(), spec.ny(), spec.ngroups(), spec.nints()));
            IntegrationBuffer[] keep = new IntegrationBuffer[spec.nints()];
            for (int i = 0; i < spec.nints(); i++) {
                keep[i] = new IntegrationBuffer(spec, model, i + 1);
                writeAll(sci, keep[i].science);
                keep[i] = refoutOnly(keep[i]);
            }
            sci.finish();
            FitsImageStream refout = new FitsImageStream(out, FitsImageStream.imageHeader(false, "REFOUT",
                    ReferenceOutput.columns(spec.nx()), spec.ny(), spec.ngroups(), spec.nints()));
            for (IntegrationBuffer integration : keep) {
                writeAll(refout, integration.refout);
            }
            refout.finish();
        }
        return file;
    }

    /** The science samples are written; only the (4x smaller) reference output waits for its HDU. */
    private static IntegrationBuffer refoutOnly(IntegrationBuffer buffer) {
        for (int g = 0; g < buffer.science.length; g++) {
            buffer.science[g] = null;
        }
        return buffer;
    }

    static void writeAll(FitsImageStream stream, char[][] groups) throws IOException {
        for (char[] group : groups) {
            for (char sample : group) {
                stream.write(sample);
            }
        }
    }
}
