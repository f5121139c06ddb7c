package org.miri.pixeldb.fits.jwst;

import java.io.IOException;
import org.miri.pixeldb.fits.structure.ArrayFile;
import org.miri.pixeldb.fits.structure.ArrayType;
import org.miri.pixeldb.fits.structure.ExtensionBytes;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * Reads the slopes of a RATEINTS or RATE product plane by plane, block by block: only the asked-for block of one plane
 * is read from the file, never the whole product. Not thread-safe; closed with its
 * {@link org.miri.pixeldb.fits.ProductFile}.
 */
public final class SlopeReader {

    private final SlopeGeometry geometry;
    private final ExtensionBytes sci;
    private final ExtensionBytes err;
    private final ExtensionBytes dq;
    private final ExtensionBytes varPoisson;
    private final ExtensionBytes varRnoise;

    public SlopeReader(SlopeGeometry geometry, SlopeArrays arrays, ArrayFile file) {
        this.geometry = geometry;
        this.sci = file.array(ExtensionName.SCI, arrays.sci(), ArrayType.FLOAT32);
        this.err = file.array(ExtensionName.ERR, arrays.err(), ArrayType.FLOAT32);
        this.dq = file.array(ExtensionName.DQ, arrays.dq(), ArrayType.UINT32);
        this.varPoisson = file.array(ExtensionName.VAR_POISSON, arrays.varPoisson(), ArrayType.FLOAT32);
        this.varRnoise = file.array(ExtensionName.VAR_RNOISE, arrays.varRnoise(), ArrayType.FLOAT32);
    }

    public SlopeGeometry geometry() {
        return geometry;
    }

    /**
     * Rows y0.., columns x0.. (0-based array indices) of one plane of every array.
     *
     * @param integration 1..NINTS for RATEINTS, 0 for RATE ({@link SlopeGeometry#integrations()})
     */
    public SlopeBlock block(int integration, int y0, int rows, int x0, int cols) throws IOException {
        int plane = geometry.plane(integration);
        boolean cube = geometry.product() == ProductKind.RATEINTS;
        int[] corner = cube ? new int[] {plane, y0, x0} : new int[] {y0, x0};
        int[] lengths = cube ? new int[] {1, rows, cols} : new int[] {rows, cols};
        return new SlopeBlock(sci.read(corner, lengths), err.read(corner, lengths), dq.read(corner, lengths),
                varPoisson.read(corner, lengths), varRnoise.read(corner, lengths));
    }
}
