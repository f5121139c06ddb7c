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
    /** More distinct values than this in one list parameter is no query a person means (the DQ table has 32 bits). */
    public static final int MAX_LIST_ITEMS = 64;

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

    /** PostgreSQL's timestamptz range: an instant outside it fails the query, so it is a 400 here. */
    private static final Instant EARLIEST = Instant.parse("-4713-11-24T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+294276-12-31T23:59:59Z");

    /**
     * An instant given as ISO date-time (offset optional: UTC) or date (its start, UTC), within PostgreSQL's range;
     * null when absent.
     */
    public static Instant instant(String name, String value) {
        Instant instant = parseInstant(name, value);
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw ApiException.badRequest(name, name + " lies outside the dates the database can hold (4713 BC to"
                    + " 294276 AD): '" + shorten(value) + "'");
        }
        return instant;
    }

    private static Instant parseInstant(String name, String value) {
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
        } catch (java.time.DateTimeException e) {
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

    /**
     * Repeated or comma-separated values, e.g. include=raw,slopes or flag=HOT&flag=WARM: de-duplicated in the order
     * given, at most {@link #MAX_LIST_ITEMS} distinct values.
     */
    public static List<String> list(String name, List<String> values) {
        java.util.LinkedHashSet<String> items = new java.util.LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String item : value.split(",", -1)) {
                String clean = text(name, item);
                if (clean != null && items.add(clean) && items.size() > MAX_LIST_ITEMS) {
                    throw ApiException.badRequest(name, name + " takes at most " + MAX_LIST_ITEMS + " distinct values");
                }
            }
        }
        return new ArrayList<>(items);
    }

    static String shorten(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
