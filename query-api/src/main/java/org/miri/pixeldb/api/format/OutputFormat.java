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
        for (String header : accept == null ? List.<String>of() : accept) {
            for (String range : header.split(",")) {
                String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
                for (OutputFormat candidate : values()) {
                    if (candidate.mediaType.equals(type) || (candidate == FITS && type.equals("image/fits"))) {
                        return candidate;
                    }
                }
            }
        }
        return JSON;
    }
}
