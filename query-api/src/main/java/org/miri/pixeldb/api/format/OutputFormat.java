package org.miri.pixeldb.api.format;

import java.util.List;
import java.util.Locale;
import org.miri.pixeldb.api.error.ApiException;

/** The formats data endpoints answer in: {@code format=} wins over the Accept header; JSON by default. */
public enum OutputFormat {
    JSON("application/json"), CSV("text/csv"), FITS("application/fits");

    public static final String PARAMETER = "format";
    private final String mediaType;

    OutputFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static OutputFormat choose(String format, List<String> accept) {
        if (format != null && !format.isBlank()) {
            try {
                return valueOf(format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(PARAMETER, "format must be json, csv or fits");
            }
        }
        if (accept == null || accept.isEmpty()) {
            return JSON;
        }
        // RFC 9110, 12.5.1: the most specific range that matches a format gives its q; q=0 means "not this"; among
        // the formats of the highest q, the first one the client listed wins.
        OutputFormat best = null;
        double bestQ = 0;
        int bestAt = Integer.MAX_VALUE;
        List<String> ranges = new java.util.ArrayList<>();
        accept.forEach(header -> ranges.addAll(List.of(header.split(","))));
        for (OutputFormat candidate : values()) {
            int specificity = -1;
            double q = 0;
            int at = Integer.MAX_VALUE;
            for (int r = 0; r < ranges.size(); r++) {
                String[] parts = ranges.get(r).split(";");
                String type = parts[0].strip().toLowerCase(Locale.ROOT);
                int match = candidate.matches(type);
                if (match > specificity) {
                    specificity = match;
                    q = quality(parts);
                    at = r;
                }
            }
            if (specificity >= 0 && q > 0 && (q > bestQ || q == bestQ && at < bestAt)) {
                best = candidate;
                bestQ = q;
                bestAt = at;
            }
        }
        if (best == null) {
            throw new ApiException(406, "Accept", "none of the accepted media types is served (q=0 refuses one); this "
                    + "endpoint answers application/json, text/csv or application/fits");
        }
        return best;
    }

    /** How specifically a media range names this format: 2 exactly, 1 by type (text/*), 0 by anything; -1 not. */
    private int matches(String range) {
        if (range.equals(mediaType) || this == FITS && range.equals("image/fits")) {
            return 2;
        }
        if (range.equals(mediaType.substring(0, mediaType.indexOf('/')) + "/*")) {
            return 1;
        }
        return range.equals("*/*") || range.equals("*") ? 0 : -1;
    }

    private static double quality(String[] parameters) {
        for (int p = 1; p < parameters.length; p++) {
            String parameter = parameters[p].strip();
            if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                String value = parameter.substring(2).strip();
                if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
                    throw ApiException.badRequest("Accept", "q must be a number from 0 to 1 with at most three "
                            + "decimals, not '" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'");
                }
                return Double.parseDouble(value);
            }
        }
        return 1;
    }
}
