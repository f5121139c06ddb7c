package org.miri.pixeldb.fits.structure;

import java.util.Set;
import nom.tam.fits.header.Standard;

/**
 * The FITS standard's mandatory keywords of one header (section 4.4.1: their order, types and values), checked before
 * any size is computed from them. A crafted header must end in a reason, never in arithmetic on a negative PCOUNT or a
 * quoted NAXIS1: the HDU walk trusts these numbers to move forward through the file.
 */
final class StructuralKeywords {

    /** Extensions whose data the standard sizes with PCOUNT = 0 and GCOUNT = 1. */
    private static final Set<String> PLAIN_EXTENSIONS = Set.of("IMAGE", "TABLE");
    private static final String BINTABLE = "BINTABLE";

    private StructuralKeywords() {
    }

    /** @param primary whether this is the first header of the file (SIMPLE) or an extension's (XTENSION) */
    static void require(StructuralHeader header, boolean primary) throws RejectedProductException {
        String first = primary ? Standard.SIMPLE.key() : Standard.XTENSION.key();
        requireAt(header, 0, first);
        requireAt(header, 1, Standard.BITPIX.key());
        requireAt(header, 2, Standard.NAXIS.key());
        long axes = integer(header, Standard.NAXIS.key());
        if (axes < 0 || axes > DataSize.MAX_AXES) {
            throw malformed(header, "NAXIS " + axes + " (the standard allows 0 to " + DataSize.MAX_AXES + ")");
        }
        for (int n = 1; n <= axes; n++) {
            requireAt(header, 2 + n, Standard.NAXISn.n(n).key());
        }
        if (primary) {
            requireLogical(header, Standard.SIMPLE.key(), "T");
        } else {
            requireExtension(header);
        }
        if (header.value(Standard.EXTEND.key()) != null) {
            requireLogical(header, Standard.EXTEND.key(), "T", "F");
        }
    }

    private static void requireExtension(StructuralHeader header) throws RejectedProductException {
        String type = header.value(Standard.XTENSION.key());
        if (!header.isString(Standard.XTENSION.key()) || type.isEmpty()) {
            throw malformed(header, "XTENSION = " + type + ", not the quoted name of an extension type");
        }
        long pcount = integer(header, Standard.PCOUNT.key());
        long gcount = integer(header, Standard.GCOUNT.key());
        if (pcount < 0 || gcount < 1) {
            throw malformed(header, "PCOUNT " + pcount + " and GCOUNT " + gcount
                    + " (the standard wants PCOUNT >= 0 and GCOUNT >= 1)");
        }
        if (PLAIN_EXTENSIONS.contains(type) && (pcount != 0 || gcount != 1)) {
            throw malformed(header, "an " + type + " extension with PCOUNT " + pcount + " and GCOUNT " + gcount
                    + " (the standard wants 0 and 1)");
        }
        if (BINTABLE.equals(type) && gcount != 1) {
            throw malformed(header, "a BINTABLE extension with GCOUNT " + gcount + " (the standard wants 1)");
        }
    }

    /** A structural integer: present, written as an integer (not quoted, not 64.0), within a long. */
    static long integer(StructuralHeader header, String keyword) throws RejectedProductException {
        String value = header.value(keyword);
        if (value == null) {
            throw malformed(header, "no " + keyword);
        }
        if (header.isString(keyword)) {
            throw malformed(header, keyword + " = '" + value + "', a string where the standard wants an integer");
        }
        try {
            return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException e) {
            throw new RejectedProductException("malformed header: " + header.label() + " has " + keyword + " = "
                    + value + ", not an integer", e);
        }
    }

    private static void requireAt(StructuralHeader header, int index, String keyword) throws RejectedProductException {
        String found = header.keywordAt(index);
        if (!keyword.equals(found)) {
            throw malformed(header, found == null ? "no " + keyword + " card" : found + " as card " + (index + 1)
                    + " where the standard wants " + keyword);
        }
    }

    private static void requireLogical(StructuralHeader header, String keyword, String... allowed)
            throws RejectedProductException {
        String value = header.value(keyword);
        if (header.isString(keyword) || value == null || !Set.of(allowed).contains(value)) {
            throw malformed(header, keyword + " = " + (header.isString(keyword) ? "'" + value + "'" : value)
                    + " where the standard wants " + String.join(" or ", allowed));
        }
    }

    private static RejectedProductException malformed(StructuralHeader header, String what) {
        return new RejectedProductException("malformed header: " + header.label() + " has " + what);
    }
}
