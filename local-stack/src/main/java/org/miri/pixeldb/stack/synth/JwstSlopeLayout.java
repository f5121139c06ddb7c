package org.miri.pixeldb.stack.synth;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

/**
 * A slope file laid out as the pipeline writes it: {@code X_rateints.fits} with (nints, ny, nx)
 * arrays SCI, ERR, DQ, then INT_TIMES, VAR_POISSON, VAR_RNOISE (the order of the real JPL8 file), or
 * {@code X_rate.fits} with (ny, nx) arrays and no INT_TIMES. Slopes are DN/s, variances (DN/s)^2.
 */
final class JwstSlopeLayout implements Closeable {

    private final ExposureSpec spec;
    private final PlannedFits fits;
    private final int varPoisson;

    private JwstSlopeLayout(ExposureSpec spec, Path file, Header primary, boolean perIntegration)
            throws IOException, FitsException {
        this.spec = spec;
        int[] axes = perIntegration ? new int[] {spec.nx(), spec.ny(), spec.nints()} : new int[] {spec.nx(), spec.ny()};
        List<Header> headers = new ArrayList<>(List.of(primary,
                HduHeaders.image("SCI", HduHeaders.FLOAT32, "DN/s", axes),
                HduHeaders.image("ERR", HduHeaders.FLOAT32, "DN/s", axes),
                HduHeaders.image("DQ", HduHeaders.UINT32, null, axes)));
        if (perIntegration) {
            headers.add(HduHeaders.intTimes());
        }
        varPoisson = headers.size();
        headers.add(HduHeaders.image("VAR_POISSON", HduHeaders.FLOAT32, "DN2/s2", axes));
        headers.add(HduHeaders.image("VAR_RNOISE", HduHeaders.FLOAT32, "DN2/s2", axes));
        fits = new PlannedFits(file, headers);
    }

    static JwstSlopeLayout rateints(ExposureSpec spec, Path file, Header primary) throws IOException, FitsException {
        return new JwstSlopeLayout(spec, file, primary, true);
    }

    static JwstSlopeLayout rate(ExposureSpec spec, Path file, Header primary) throws IOException, FitsException {
        return new JwstSlopeLayout(spec, file, primary, false);
    }

    /** Rows firstRow .. firstRow+rows-1 of plane {@code plane} (the integration - 1; 0 for rate). */
    void write(int plane, int firstRow, int rows, SlopePlane slopes) throws IOException {
        long index = ((long) plane * spec.ny() + firstRow) * spec.nx();
        int pixels = rows * spec.nx();
        fits.floats(1, index, slopes.sci, pixels);
        fits.floats(2, index, slopes.err, pixels);
        fits.uint32(3, index, slopes.dq, pixels);
        fits.floats(varPoisson, index, slopes.varPoisson, pixels);
        fits.floats(varPoisson + 1, index, slopes.varRnoise, pixels);
    }

    void finish() throws IOException {
        fits.finish();
    }

    @Override
    public void close() throws IOException {
        fits.close();
    }
}
