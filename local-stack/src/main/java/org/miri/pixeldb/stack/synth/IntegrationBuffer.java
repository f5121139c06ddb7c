package org.miri.pixeldb.stack.synth;

import org.miri.pixeldb.model.ReferenceOutput;

/**
 * One integration of a synthetic exposure in FITS order [group][y][x]: the science pixels and the
 * reference output (one value per 4 science columns), computed ramp by ramp from the model.
 */
final class IntegrationBuffer {

    final char[][] science;
    final char[][] refout;

    IntegrationBuffer(ExposureSpec spec, RampModel model, int integration) {
        int nx = spec.nx();
        int ny = spec.ny();
        int refCols = ReferenceOutput.columns(nx);
        science = new char[spec.ngroups()][nx * ny];
        refout = new char[spec.ngroups()][refCols * ny];
        int[] ramp = new int[spec.ngroups()];
        for (int y = 0; y < ny; y++) {
            int row = spec.subarray().substrt2() + y;
            for (int x = 0; x < nx; x++) {
                int col = spec.subarray().substrt1() + x;
                model.ramp(integration, row, col, spec.isReferenceColumn(col), ramp);
                for (int g = 0; g < ramp.length; g++) {
                    science[g][y * nx + x] = (char) ramp[g];
                }
            }
            for (int x = 0; x < refCols; x++) {
                // Reference-output columns are numbered after the detector's, so their ramps differ.
                model.ramp(integration, row, 2000 + x, true, ramp);
                for (int g = 0; g < ramp.length; g++) {
                    refout[g][y * refCols + x] = (char) ramp[g];
                }
            }
        }
    }
}
