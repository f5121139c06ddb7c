package org.miri.pixeldb.fits.jwst;

import java.util.List;
import org.miri.pixeldb.fits.structure.FitsCard;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * What the splitter knows about one product of one exposure, validated, in JWST terms whatever the file's layout.
 *
 * @param name     exposure name: the object's file name without the product suffix
 * @param layout   how the file is organised (which also tells the product kind)
 * @param origin   flight, or the ground-test campaign
 * @param keywords detector, subarray, readout pattern and counts
 * @param timing   timing and UTC start and end (null where unknown)
 * @param expType  EXP_TYPE, null when absent
 * @param header   every primary-header card in file order
 */
public record ExposureDescriptor(String name, ProductLayout layout, Origin origin, ExposureKeywords keywords,
        ExposureTiming timing, String expType, List<FitsCard> header) {

    public ExposureDescriptor {
        header = List.copyOf(header);
    }

    public ProductKind product() {
        return layout.kind();
    }
}
