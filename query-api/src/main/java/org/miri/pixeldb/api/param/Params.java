package org.miri.pixeldb.api.param;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.api.error.ApiException;

/**
 * Parses request parameters by hand instead of through JAX-RS converters, so that every malformed value is a 400
 * naming its parameter (a converter failure would be a bare 404 for path parameters).
 */
public final class Params {

    private static final int MAX_TEXT = 200;

    private Params() {
    }

    /** An integer in [min, max]; {@code fallback} when absent or empty. */
    public static int integer(String name, String value, int min, int max, Integer fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw ApiException.badRequest(name, name + " is required");
            }
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be an integer, not '" + shorten(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw ApiException.badRequest(name, name + " must be between " + min + " and " + max + ", not " + parsed);
        }
        return (int) parsed;
    }

    /** An instant given as ISO date-time (offset optional: UTC) or date (its start, UTC); null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 date or date-time such as 2018-03-08 or"
                    + " 2018-03-08T01:02:30Z, not '" + shorten(value) + "'");
        }
    }

    /** Rejects a range whose start lies after its end. */
    public static void ordered(String fromName, Instant from, String toName, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest(fromName, fromName + " (" + from + ") is after " + toName + " (" + to + ")");
        }
    }

    /** Free text such as a subarray name: bounded, printable ASCII; null when absent. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.badRequest(name, name + " must be at most " + MAX_TEXT + " printable ASCII characters");
        }
        return value.strip();
    }

    /** Repeated or comma-separated values, e.g. include=raw,slopes or flag=HOT&flag=WARM. */
    public static List<String> list(String name, List<String> values) {
        List<String> items = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String item : value.split(",", -1)) {
                String clean = text(name, item);
                if (clean != null) {
                    items.add(clean);
                }
            }
        }
        return items;
    }

    static String shorten(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
