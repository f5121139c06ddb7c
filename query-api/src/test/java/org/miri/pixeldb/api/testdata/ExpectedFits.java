package org.miri.pixeldb.api.testdata;

import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;

/** The arrays of the shared FITS files, read with nom-tam-fits alone, as the truth responses are compared with. */
public final class ExpectedFits {

    private ExpectedFits() {
    }

    /** The kernel of the extension named {@code extname} (or the primary HDU for null). */
    public static Object array(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            for (BasicHDU<?> hdu : fits.read()) {
                String name = hdu.getHeader().getStringValue("EXTNAME");
                if (extname == null ? hdu == fits.getHDU(0) : extname.equals(name)) {
                    return hdu.getKernel();
                }
            }
        }
        throw new IllegalArgumentException("no extension " + extname + " in " + file);
    }

    /** BZERO of an extension: uint16 and uint32 arrays are stored signed with an offset. */
    public static long bzero(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            for (BasicHDU<?> hdu : fits.read()) {
                if (extname.equals(hdu.getHeader().getStringValue("EXTNAME"))) {
                    return hdu.getHeader().getLongValue("BZERO", 0);
                }
            }
        }
        throw new IllegalArgumentException("no extension " + extname + " in " + file);
    }

    /** Raw SCI as unsigned 16-bit values: stored int16 + BZERO 32768. */
    public static int rawSample(short[][][][] sci, int integration, int group, int y, int x) {
        return sci[integration - 1][group][y][x] + 32768;
    }
}
