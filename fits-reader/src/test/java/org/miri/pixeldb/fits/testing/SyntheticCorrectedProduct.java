package org.miri.pixeldb.fits.testing;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.IFitsHeader;
import nom.tam.fits.header.Standard;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * Small RAMP, RATEINTS and RATE products written with nom-tam-fits, with {@link SyntheticValues}, the JWST keywords of
 * {@link SyntheticKeywords} plus pipeline provenance, any extension left out and any keyword changed. Extensions are
 * written in an unusual order, so that finding them by position would fail.
 */
public final class SyntheticCorrectedProduct {

    public final ProductKind product;
    public int nints = 2;
    public int ngroups = 3;
    public int rows = 6;
    public int cols = 16;
    /** GROUPDQ's group axis, for the rejection of a GROUPDQ contradicting NGROUPS. */
    public Integer groupdqGroups;
    /** GROUPDQ stored as int16 (BITPIX 16), for the rejection of a wrong type. */
    public boolean groupdqAsShort;
    public final Set<ExtensionName> omitted = EnumSet.noneOf(ExtensionName.class);
    private final Map<IFitsHeader, Object> changes = new LinkedHashMap<>();

    public SyntheticCorrectedProduct(ProductKind product) {
        this.product = product;
    }

    public SyntheticCorrectedProduct without(ExtensionName name) {
        omitted.add(name);
        return this;
    }

    /** Sets a primary keyword; null removes it. */
    public SyntheticCorrectedProduct with(IFitsHeader keyword, Object value) {
        changes.put(keyword, value);
        return this;
    }

    public Path write(Path folder, String fileName) throws Exception {
        Path file = folder.resolve(fileName);
        try (Fits fits = new Fits()) {
            NullDataHDU primary = new NullDataHDU();
            keywords(primary.getHeader());
            fits.addHDU(primary);
            Map<ExtensionName, Object> arrays = product == ProductKind.RAMP ? SyntheticArrays.ramp(this)
                    : SyntheticArrays.slopes(this);
            for (Map.Entry<ExtensionName, Object> array : arrays.entrySet()) {
                if (!omitted.contains(array.getKey())) {
                    fits.addHDU(hdu(array.getKey(), array.getValue()));
                }
            }
            fits.write(file.toFile());
        }
        return file;
    }

    private static BasicHDU<?> hdu(ExtensionName name, Object data) throws Exception {
        BasicHDU<?> hdu = Fits.makeHDU(data);
        if (name == ExtensionName.PIXELDQ || name == ExtensionName.DQ) {
            hdu.addValue(Standard.BSCALE, 1);
            hdu.addValue(Standard.BZERO, SyntheticValues.REFERENCE_PIXEL);
        }
        hdu.addValue(Standard.EXTNAME, name.name());
        return hdu;
    }

    private void keywords(Header header) {
        SyntheticExposure shape = new SyntheticExposure(SyntheticExposure.Layout.JWST);
        shape.nints = nints;
        shape.ngroups = ngroups;
        shape.rows = rows;
        shape.cols = cols;
        Map<IFitsHeader, Object> all = new LinkedHashMap<>(SyntheticKeywords.of(shape));
        all.putAll(changes);
        // Pipeline provenance as real products carry it; with() can still remove CAL_VER or CRDS_CTX.
        header.addValue("CAL_VER", "1.14.0 ", "Calibration software version number");
        header.addValue("CRDS_CTX", "jwst_1241.pmap", "CRDS context (.pmap) used to select ref files");
        header.addValue("S_JUMP", "COMPLETE", "Jump Detection");
        header.addValue("R_MASK", "crds://jwst_miri_mask_0036.fits", "Mask reference file name");
        header.addValue("S_DARK", "SKIPPED ", "Dark Subtraction");
        header.addValue("R_GAIN", "crds://jwst_miri_gain_0008.fits", "Gain reference file name");
        all.forEach((keyword, value) -> {
            if (value == null) {
                header.deleteKey(keyword);
            } else if (value instanceof Number number) {
                header.addValue(keyword, number);
            } else {
                header.addValue(keyword, value.toString());
            }
        });
    }
}
