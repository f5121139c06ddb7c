package org.miri.pixeldb.fits.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.IFitsHeader;
import nom.tam.fits.header.Standard;
import org.miri.pixeldb.fits.jwst.RawPixelType;

/**
 * Small raw exposures written with nom-tam-fits, in the JWST, JPL or OTIS layout, with known samples and any keyword
 * changed or removed, so that the suite means something without the shared real exposure.
 */
public final class SyntheticExposure {

    public enum Layout { JWST, JPL, OTIS }

    final Layout layout;
    int nints = 2;
    public int ngroups = 3;
    int rows = 8;
    int cols = 72;
    /** BITPIX 32 instead of 16, for the rejection test. */
    public boolean intSamples;
    private final Map<IFitsHeader, Object> changes = new LinkedHashMap<>();

    public SyntheticExposure(Layout layout) {
        this.layout = layout;
    }

    /** Science sample (integration 1-based, group, row, col): spread over the whole unsigned 16-bit range. */
    public static char science(int integration, int group, int y, int x) {
        return (char) (integration * 40_503 + group * 9_973 + y * 1_031 + x * 257);
    }

    public static char refout(int integration, int group, int y, int j) {
        return (char) (integration * 7_919 + group * 6_007 + y * 521 + j * 4_099 + 12_345);
    }

    /** Sets a primary keyword; null removes it. */
    public SyntheticExposure with(IFitsHeader keyword, Object value) {
        changes.put(keyword, value);
        return this;
    }

    public Path write(Path folder, String fileName) throws IOException, FitsException {
        Path file = folder.resolve(fileName);
        try (Fits fits = new Fits()) {
            if (layout == Layout.JWST) {
                NullDataHDU primary = new NullDataHDU();
                keywords(primary.getHeader());
                fits.addHDU(primary);
                fits.addHDU(image(SyntheticSamples.jwst(this, false), "SCI"));
                fits.addHDU(image(SyntheticSamples.jwst(this, true), "REFOUT"));
            } else {
                BasicHDU<?> primary = image(SyntheticSamples.groundTest(this), null);
                keywords(primary.getHeader());
                fits.addHDU(primary);
            }
            fits.write(file.toFile());
        }
        return file;
    }

    private BasicHDU<?> image(short[] stored, String extname) throws FitsException {
        Object data = intSamples ? SyntheticSamples.widen(stored) : stored;
        int[] shape = layout == Layout.JWST
                ? new int[] {nints, ngroups, rows, extname.equals("REFOUT") ? cols / 4 : cols}
                : new int[] {nints * ngroups, rawRows(), cols};
        BasicHDU<?> hdu = Fits.makeHDU(nom.tam.util.ArrayFuncs.curl(data, shape));
        hdu.addValue(Standard.BZERO, RawPixelType.BZERO);
        hdu.addValue(Standard.BSCALE, 1);
        if (extname != null) {
            hdu.addValue(Standard.EXTNAME, extname);
        }
        return hdu;
    }

    int rawRows() {
        return rows + rows / 4;
    }

    private void keywords(Header header) {
        Map<IFitsHeader, Object> all = new LinkedHashMap<>(SyntheticKeywords.of(this));
        all.putAll(changes);
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
