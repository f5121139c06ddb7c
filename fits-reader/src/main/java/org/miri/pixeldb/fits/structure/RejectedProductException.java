package org.miri.pixeldb.fits.structure;

import java.util.Locale;

/**
 * The object is not a product the splitter can ingest. Checked, because every caller must decide what happens to a
 * rejected object (dead-letter it, tell the uploader); the reason names the problem precisely enough for a person to
 * fix the file, e.g. {@code NAXIS3 = 250 frames is not NINTS 5 x NGROUPS 49}.
 */
public class RejectedProductException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedProductException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public RejectedProductException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** The human-readable reason, without a class name or stack trace. */
    public String reason() {
        return reason;
    }

    /** Formats a count with thousands separators ({@code 2,880,000}) so that byte counts in reasons read easily. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
