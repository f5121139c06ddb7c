package org.miri.pixeldb.fits.jwst;

import java.util.List;
import java.util.stream.IntStream;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * The shape of a slope product: planes of slopes, one per integration (RATEINTS) or one for the whole exposure (RATE).
 *
 * @param product  RATEINTS or RATE
 * @param planes   NINTS for RATEINTS, 1 for RATE
 * @param rows     rows per plane (SUBSIZE2)
 * @param cols     columns per plane (SUBSIZE1)
 * @param firstRow full-frame row of array row 0 (SUBSTRT2, 1-based)
 * @param firstCol full-frame column of array column 0 (SUBSTRT1, 1-based)
 */
public record SlopeGeometry(ProductKind product, int planes, int rows, int cols, int firstRow, int firstCol) {

    public static SlopeGeometry of(ProductKind product, ExposureKeywords keywords) {
        Subarray subarray = keywords.subarray();
        return new SlopeGeometry(product, product == ProductKind.RATE ? 1 : keywords.nints(), subarray.subsize2(),
                subarray.subsize1(), subarray.substrt2(), subarray.substrt1());
    }

    /** The integration numbers of the planes, in file order: 1..NINTS for RATEINTS, the single 0 for RATE. */
    public List<Integer> integrations() {
        return product == ProductKind.RATE ? List.of(0) : IntStream.rangeClosed(1, planes).boxed().toList();
    }

    /** The 0-based plane of an integration number, as {@link #integrations()} lists it. */
    public int plane(int integration) {
        int plane = product == ProductKind.RATE ? integration : integration - 1;
        if (plane < 0 || plane >= planes) {
            throw new IllegalArgumentException("integration " + integration + " is not one of " + product + "'s "
                    + integrations());
        }
        return plane;
    }
}
