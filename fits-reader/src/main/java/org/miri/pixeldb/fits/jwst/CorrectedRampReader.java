package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import org.miri.pixeldb.fits.structure.ArrayFile;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionBytes;
import org.miri.pixeldb.fits.structure.ExtensionName;

/**
 * Reads the corrected ramps of a RAMP product integration by integration, block by block: nothing is read until a
 * block of one integration is asked for, and then only that block, so memory stays proportional to the block and
 * never to the file (a full-frame RAMP product is over 1 GB). Values are the file's bytes, big-endian.
 * Not thread-safe; closed with its {@link org.miri.pixeldb.fits.ProductFile}.
 */
public final class CorrectedRampReader {

    private final CorrectedGeometry geometry;
    private final ExtensionBytes sci;
    private final ExtensionBytes err;
    private final ExtensionBytes groupdq;
    private final ExtensionBytes pixeldq;
    private final ExtensionBytes refout;

    public CorrectedRampReader(RampGeometry ramps, CorrectedRampArrays arrays, ArrayFile file) {
        this.geometry = new CorrectedGeometry(ramps, arrays.err() != null, arrays.refout() != null);
        this.sci = file.array(ExtensionName.SCI, arrays.sci(), ArrayType.FLOAT32);
        this.err = file.array(ExtensionName.ERR, arrays.err(), ArrayType.FLOAT32);
        this.groupdq = file.array(ExtensionName.GROUPDQ, arrays.groupdq(), ArrayType.UINT8);
        this.pixeldq = file.array(ExtensionName.PIXELDQ, arrays.pixeldq(), ArrayType.UINT32);
        this.refout = file.array(ExtensionName.REFOUT, arrays.refout(), ArrayType.FLOAT32);
    }

    public CorrectedGeometry geometry() {
        return geometry;
    }

    /** Integration {@code number}, 1-based as in the JWST keywords. */
    public CorrectedIntegration integration(int number) {
        if (number < 1 || number > geometry.ramps().nints()) {
            throw new IllegalArgumentException("integration " + number + " is not in 1.." + geometry.ramps().nints());
        }
        return new CorrectedIntegration(number, this);
    }

    /** PIXELDQ of a block, big-endian unsigned 32-bit in order [row][col]; it holds for every integration. */
    public byte[] pixeldq(int y0, int rows, int x0, int cols) throws IOException {
        return pixeldq.read(new int[] {y0, x0}, new int[] {rows, cols});
    }

    /** One block of one integration of a 4-D array, every group: [group][row][col]. Null for an absent ERR. */
    byte[] ramps(ExtensionName name, int integration, int y0, int rows, int x0, int cols) throws IOException {
        ExtensionBytes array = switch (name) {
            case SCI -> sci;
            case ERR -> err;
            case GROUPDQ -> groupdq;
            case REFOUT -> refout;
            default -> throw new IllegalArgumentException(name + " is not a ramp array");
        };
        if (array == null && name == ExtensionName.REFOUT) {
            throw new IllegalStateException("this RAMP product has no REFOUT");
        }
        // One integration, by construction: the hyperslab's integration axis has length 1, whatever the caller asks.
        return array == null ? null : array.read(new int[] {integration - 1, 0, y0, x0},
                new int[] {1, geometry.ramps().ngroups(), rows, cols});
    }
}
