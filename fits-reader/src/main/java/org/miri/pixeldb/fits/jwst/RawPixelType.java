package org.miri.pixeldb.fits.jwst;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.header.Standard;
import org.miri.pixeldb.fits.structure.HeaderValues;
import org.miri.pixeldb.fits.structure.RejectedProductException;

/**
 * Raw MIRI samples are unsigned 16-bit, stored as FITS int16 with BZERO 32768 and BSCALE 1. Anything else would be
 * misread as ramps, so it is rejected.
 */
public final class RawPixelType {

    static final int BITPIX = 16;
    public static final int BZERO = 32768;

    private RawPixelType() {
    }

    public static void require(BasicHDU<?> hdu, String label) throws RejectedProductException {
        HeaderValues header = new HeaderValues(hdu.getHeader(), "the " + label + " header");
        int bitpix = header.requireInt(Standard.BITPIX);
        if (bitpix != BITPIX) {
            throw new RejectedProductException(label + " BITPIX " + bitpix + " where a raw MIRI product has " + BITPIX);
        }
        Double bzero = header.real(Standard.BZERO);
        if (bzero == null || bzero != BZERO) {
            throw new RejectedProductException(label + " BZERO " + (bzero == null ? "absent" : format(bzero))
                    + " where a raw MIRI product has " + BZERO + " (unsigned 16-bit samples)");
        }
        Double bscale = header.real(Standard.BSCALE);
        if (bscale != null && bscale != 1) {
            throw new RejectedProductException(label + " BSCALE " + format(bscale) + " where a raw MIRI product has 1");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Stored int16 to the unsigned sample: adding BZERO 32768 flips the top bit. */
    static char unsigned(short stored) {
        return (char) (stored ^ Short.MIN_VALUE);
    }

    public static char[] unsigned(short[] stored) {
        char[] samples = new char[stored.length];
        for (int i = 0; i < stored.length; i++) {
            samples[i] = unsigned(stored[i]);
        }
        return samples;
    }
}
