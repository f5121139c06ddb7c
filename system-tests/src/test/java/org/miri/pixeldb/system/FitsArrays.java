package org.miri.pixeldb.system;

import java.nio.file.Path;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/** Expected values for the tests: one extension's image read whole with nom-tam-fits (the shared files are small). */
public final class FitsArrays {

    private FitsArrays() {
    }

    /** The stored array of the extension named {@code extname}, as nom-tam-fits gives it (BZERO not applied). */
    static Object image(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            return extension(fits, file, extname).getKernel();
        }
    }

    /** The image extension named {@code extname} of {@code fits}, opened from {@code file}. */
    public static ImageHDU extension(Fits fits, Path file, String extname) throws Exception {
        for (int i = 1; ; i++) {
            BasicHDU<?> hdu = fits.getHDU(i);
            if (hdu == null) {
                throw new IllegalArgumentException("no extension " + extname + " in " + file);
            }
            if (extname.equals(hdu.getHeader().getStringValue("EXTNAME"))) {
                return (ImageHDU) hdu;
            }
        }
    }

    /** A uint32 stored as int32 with BZERO 2^31, e.g. PIXELDQ or DQ: the unsigned value. */
    static long unsigned32(int stored) {
        return Integer.toUnsignedLong(stored ^ 0x8000_0000);
    }
}
