package org.miri.pixeldb.splitter.fits;

import java.util.Set;
import nom.tam.fits.header.Standard;

/** The data size a header promises, by the FITS standard's formula |BITPIX|/8 x GCOUNT x (PCOUNT + NAXIS1 x ...). */
final class DataSize {

    private static final Set<Long> BITPIX_VALUES = Set.of(8L, 16L, 32L, 64L, -32L, -64L);
    private static final int MAX_AXES = 999;

    private DataSize() {
    }

    static long of(StructuralHeader header, String label) throws RejectedProductException {
        long bitpix = integer(header, Standard.BITPIX.key(), label);
        if (!BITPIX_VALUES.contains(bitpix)) {
            throw new RejectedProductException("malformed header: " + label + " has BITPIX " + bitpix
                    + ", which is no FITS data type");
        }
        long axes = integer(header, Standard.NAXIS.key(), label);
        if (axes < 0 || axes > MAX_AXES) {
            throw new RejectedProductException("malformed header: " + label + " has NAXIS " + axes);
        }
        if (axes == 0) {
            return 0;
        }
        try {
            long elements = 1;
            for (int n = 1; n <= axes; n++) {
                long length = integer(header, Standard.NAXISn.n(n).key(), label);
                if (length < 0) {
                    throw new RejectedProductException(
                            "malformed header: " + label + " has NAXIS" + n + " " + length);
                }
                elements = Math.multiplyExact(elements, length);
            }
            long pcount = optional(header, Standard.PCOUNT.key(), 0, label);
            long gcount = optional(header, Standard.GCOUNT.key(), 1, label);
            long groups = Math.multiplyExact(gcount, Math.addExact(pcount, elements));
            return Math.multiplyExact(Math.abs(bitpix) / Byte.SIZE, groups);
        } catch (ArithmeticException overflow) {
            throw new RejectedProductException("absurd size: " + label + " promises more than 2^63 data bytes",
                    overflow);
        }
    }

    private static long optional(StructuralHeader header, String keyword, long absent, String label)
            throws RejectedProductException {
        return header.value(keyword) == null ? absent : integer(header, keyword, label);
    }

    private static long integer(StructuralHeader header, String keyword, String label) throws RejectedProductException {
        String value = header.value(keyword);
        if (value == null) {
            throw new RejectedProductException("malformed header: " + label + " has no " + keyword);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new RejectedProductException("malformed header: " + label + " has " + keyword + " = " + value
                    + ", not an integer", e);
        }
    }
}
