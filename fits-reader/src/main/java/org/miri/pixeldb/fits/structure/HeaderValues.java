package org.miri.pixeldb.fits.structure;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.header.IFitsHeader;

/**
 * Typed keyword values of one header. A value that is present but not of the keyword's type rejects the product: a
 * silent 0 from a typo would put ramps at the wrong pixel.
 */
public final class HeaderValues {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final Header header;
    private final String label;

    /** @param label how reasons name the header, e.g. "the primary header" */
    public HeaderValues(Header header, String label) {
        this.header = header;
        this.label = label;
    }

    public boolean has(IFitsHeader keyword) {
        return header.containsKey(keyword);
    }

    /** The trimmed string value, or null when the keyword is absent or has no value. */
    public String string(IFitsHeader keyword) {
        HeaderCard card = header.findCard(keyword);
        String value = card == null ? null : card.getValue();
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String requireString(IFitsHeader keyword) throws RejectedProductException {
        return present(keyword, string(keyword));
    }

    public Integer integer(IFitsHeader keyword) throws RejectedProductException {
        BigDecimal value = number(keyword);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(string(keyword)).matches()) {
            // 20.0 or 2E1 is a real: FITS writers that mean a count write an integer.
            throw new RejectedProductException(keyword.key() + " = " + string(keyword) + " in " + label
                    + " is a real number where an integer is expected");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new RejectedProductException(keyword.key() + " = " + string(keyword) + " in " + label
                    + " is not an integer", e);
        }
    }

    public int requireInt(IFitsHeader keyword) throws RejectedProductException {
        return present(keyword, integer(keyword));
    }

    private <T> T present(IFitsHeader keyword, T value) throws RejectedProductException {
        if (value == null) {
            throw new RejectedProductException(keyword.key() + " is missing from " + label);
        }
        return value;
    }

    public Double real(IFitsHeader keyword) throws RejectedProductException {
        BigDecimal value = number(keyword);
        if (value == null) {
            return null;
        }
        double real = value.doubleValue();
        if (!Double.isFinite(real)) {
            throw new RejectedProductException(keyword.key() + " = " + string(keyword) + " in " + label
                    + " is beyond the range of a double");
        }
        return real;
    }

    private BigDecimal number(IFitsHeader keyword) throws RejectedProductException {
        String text = string(keyword);
        if (text == null) {
            return null;
        }
        if (header.findCard(keyword).isStringValue()) {
            throw new RejectedProductException(keyword.key() + " = '" + text + "' in " + label
                    + " is a string where a number is expected");
        }
        try {
            // FITS allows a Fortran exponent, 1.5D3.
            return new BigDecimal(text.replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw new RejectedProductException(keyword.key() + " = " + text + " in " + label + " is not a number", e);
        }
    }
}
