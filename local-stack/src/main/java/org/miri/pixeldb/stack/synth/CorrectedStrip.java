package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.ReferenceOutput;

/**
 * A few detector rows of one integration, corrected: what the ramp and slope files receive next.
 * Arrays are in FITS order ([group][row-in-strip * nx + x]) and reused from strip to strip, so
 * writing a full-frame exposure holds a few megabytes, not an integration.
 */
final class CorrectedStrip {

    final ExposureSpec spec;
    final int maxRows;
    final float[][] sci;
    final float[][] err;
    final byte[][] groupDq;
    final float[][] refout;
    final int[] pixelDq;
    final SlopePlane slopes;
    int integration;
    int firstRow;
    int rows;
    private final RampModel model;
    private final PixelDqModel mask;
    private final SlopeFit fit = new SlopeFit();

    CorrectedStrip(ExposureSpec spec, int maxRows) {
        this.spec = spec;
        this.maxRows = maxRows;
        int pixels = maxRows * spec.nx();
        sci = new float[spec.ngroups()][pixels];
        err = new float[spec.ngroups()][pixels];
        groupDq = new byte[spec.ngroups()][pixels];
        refout = new float[spec.ngroups()][maxRows * ReferenceOutput.columns(spec.nx())];
        pixelDq = new int[pixels];
        slopes = new SlopePlane(pixels);
        model = new RampModel(spec.seed(), spec.scene());
        mask = new PixelDqModel(spec);
    }

    /** Computes rows firstRow .. firstRow+rows-1 (0-based in the subarray) of one integration (1-based). */
    void fill(int integration, int firstRow, int rows, ExposureSlope exposure) {
        this.integration = integration;
        this.firstRow = firstRow;
        this.rows = rows;
        int ngroups = spec.ngroups();
        int[] raw = new int[ngroups];
        boolean[] jumps = new boolean[ngroups];
        byte[] dq = new byte[ngroups];
        float[] ramp = new float[ngroups];
        float[] rampErr = new float[ngroups];
        for (int r = 0; r < rows; r++) {
            int row = spec.subarray().substrt2() + firstRow + r;
            for (int x = 0; x < spec.nx(); x++) {
                int col = spec.subarray().substrt1() + x;
                int p = r * spec.nx() + x;
                model.ramp(integration, row, col, spec.isReferenceColumn(col), raw, jumps);
                pixelDq[p] = mask.flags(row, col);
                GroupDqModel.flags(raw, jumps, dq);
                RampCorrection.correct(raw, dq, pixelDq[p], ramp, rampErr);
                fit.fit(ramp, dq, pixelDq[p], spec.tframe());
                slopes.set(p, fit.slope, fit.varPoisson, fit.varRnoise, fit.dq);
                if (exposure != null) {
                    exposure.add((firstRow + r) * spec.nx() + x, fit);
                }
                for (int g = 0; g < ngroups; g++) {
                    sci[g][p] = ramp[g];
                    err[g][p] = rampErr[g];
                    groupDq[g][p] = dq[g];
                }
            }
            fillRefout(integration, row, r, raw);
        }
    }

    /** The reference output is not corrected: the ramp file carries its raw values as float, as the real one does. */
    private void fillRefout(int integration, int row, int r, int[] raw) {
        int refCols = ReferenceOutput.columns(spec.nx());
        for (int x = 0; x < refCols; x++) {
            // Numbered after the detector's columns, exactly as IntegrationBuffer does for the uncal file.
            model.ramp(integration, row, 2000 + x, true, raw);
            for (int g = 0; g < raw.length; g++) {
                refout[g][r * refCols + x] = raw[g];
            }
        }
    }
}
