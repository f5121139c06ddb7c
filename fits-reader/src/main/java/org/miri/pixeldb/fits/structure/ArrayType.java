package org.miri.pixeldb.fits.structure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.header.Standard;

/**
 * How the JWST pipeline stores the arrays of corrected and slope products. Each type fixes BITPIX and BZERO: values
 * are passed on as the file's own bytes, so a file stored any other way would be passed on wrong, and is rejected.
 */
public enum ArrayType {
    /** SCI, ERR, REFOUT, variances: big-endian IEEE float32, unscaled. */
    FLOAT32(-32, 0, "float32 values"),
    /** GROUPDQ: FITS BITPIX 8 is unsigned by definition. */
    UINT8(8, 0, "uint8 flags"),
    /** Raw samples: FITS has no unsigned 16-bit type, so uint16 is stored as int16 with BZERO 2^15. */
    UINT16(16, 1L << 15, "uint16 samples"),
    /** PIXELDQ and DQ: FITS has no unsigned 32-bit type, so uint32 is stored as int32 with BZERO 2^31. */
    UINT32(32, 1L << 31, "uint32 flags");

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int bitpix;
    private final long bzero;
    private final String what;

    ArrayType(int bitpix, long bzero, String what) {
        this.bitpix = bitpix;
        this.bzero = bzero;
        this.what = what;
    }

    /** Bytes one value takes in the file and in the messages. */
    int bytes() {
        return Math.abs(bitpix) / Byte.SIZE;
    }

    public void require(ImageHDU hdu, ExtensionName name) throws RejectedProductException {
        HeaderValues header = new HeaderValues(hdu.getHeader(), "the " + name + " header");
        int actual = header.requireInt(Standard.BITPIX);
        if (actual != bitpix) {
            throw new RejectedProductException(name + " has BITPIX " + actual + " but " + what + " need BITPIX "
                    + bitpix);
        }
        Double zero = header.real(Standard.BZERO);
        if (zero == null ? bzero != 0 : zero != bzero) {
            throw new RejectedProductException(name + " has " + (zero == null ? "no BZERO" : "BZERO " + format(zero))
                    + " but " + what + " need " + (bzero == 0 ? "none" : "BZERO " + bzero));
        }
        Double scale = header.real(Standard.BSCALE);
        if (scale != null && scale != 1) {
            throw new RejectedProductException(name + " has BSCALE " + format(scale) + " but " + what
                    + " need BSCALE 1 or none");
        }
    }

    /**
     * Turns big-endian stored values into the values the messages carry, in place: for uint32 the stored int32 plus
     * BZERO 2^31 is the stored bits with bit 31 flipped (the high bit of each value's first byte), for uint16 likewise
     * with bit 15; others as stored.
     */
    void unsign(byte[] bigEndian) {
        long signBits = this == UINT16 ? 0x8000_8000_8000_8000L : this == UINT32 ? 0x8000_0000_8000_0000L : 0;
        if (signBits == 0) {
            return;
        }
        // Eight bytes at a time: a byte loop with a stride was a sixth of the splitter's CPU on raw files (JFR,
        // 2026-12-06). Arrays hold whole values, so the tail is whole values too.
        int at = 0;
        for (; at + Long.BYTES <= bigEndian.length; at += Long.BYTES) {
            WORDS.set(bigEndian, at, (long) WORDS.get(bigEndian, at) ^ signBits);
        }
        for (; at < bigEndian.length; at += bytes()) {
            bigEndian[at] ^= (byte) 0x80;
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
