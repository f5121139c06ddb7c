package org.miri.pixeldb.fits.structure;

import java.util.Set;
import nom.tam.fits.header.Standard;

/** The data size a header promises, by the FITS standard's formula |BITPIX|/8 x GCOUNT x (PCOUNT + NAXIS1 x ...). */
final class DataSize {

    private static final Set<Long> BITPIX_VALUES = Set.of(8L, 16L, 32L, 64L, -32L, -64L);
    static final int MAX_AXES = 999;

    private DataSize() {
    }

    /** @param primary whether this is the file's first header; its mandatory keywords are checked first */
    static long of(StructuralHeader header, boolean primary, String label) throws RejectedProductException {
        StructuralKeywords.require(header, primary);
        long bitpix = StructuralKeywords.integer(header, Standard.BITPIX.key());
        if (!BITPIX_VALUES.contains(bitpix)) {
            throw new RejectedProductException("malformed header: " + label + " has BITPIX " + bitpix
                    + ", which is no FITS data type");
        }
        long axes = StructuralKeywords.integer(header, Standard.NAXIS.key());
        if (axes < 0 || axes > MAX_AXES) {
            throw new RejectedProductException("malformed header: " + label + " has NAXIS " + axes);
        }
        if (axes == 0) {
            return 0;
        }
        try {
            long elements = 1;
            for (int n = 1; n <= axes; n++) {
                long length = StructuralKeywords.integer(header, Standard.NAXISn.n(n).key());
                if (length < 0) {
                    throw new RejectedProductException(
                            "malformed header: " + label + " has NAXIS" + n + " " + length);
                }
                elements = Math.multiplyExact(elements, length);
            }
            long pcount = optional(header, Standard.PCOUNT.key(), 0);
            long gcount = optional(header, Standard.GCOUNT.key(), 1);
            if (pcount < 0 || gcount < 0) {
                // A negative count would make the size negative and walk the HDU scan backwards for ever.
                throw new RejectedProductException("malformed header: " + label + " has PCOUNT " + pcount
                        + " and GCOUNT " + gcount + ", which cannot be negative");
            }
            long groups = Math.multiplyExact(gcount, Math.addExact(pcount, elements));
            return Math.multiplyExact(Math.abs(bitpix) / Byte.SIZE, groups);
        } catch (ArithmeticException overflow) {
            throw new RejectedProductException("absurd size: " + label + " promises more than 2^63 data bytes",
                    overflow);
        }
    }

    private static long optional(StructuralHeader header, String keyword, long absent)
            throws RejectedProductException {
        return header.value(keyword) == null ? absent : StructuralKeywords.integer(header, keyword);
    }
}
