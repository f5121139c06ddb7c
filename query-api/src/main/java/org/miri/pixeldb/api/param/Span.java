package org.miri.pixeldb.api.param;

import org.miri.pixeldb.api.error.ApiException;

/**
 * An inclusive range of 1-based numbers such as rows {@code 779:800}, a single {@code 5}, or open ends {@code :800}
 * and {@code 779:} (bounded by the enclosing limits).
 */
public record Span(int first, int last) {

    public static Span parse(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return new Span(min, max);
        }
        String text = value.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            int only = Params.integer(name, text, min, max, null);
            return new Span(only, only);
        }
        String low = text.substring(0, colon);
        String high = text.substring(colon + 1);
        int first = low.isBlank() ? min : Params.integer(name, low, min, max, null);
        int last = high.isBlank() ? max : Params.integer(name, high, min, max, null);
        if (first > last) {
            throw ApiException.badRequest(name, name + " range " + first + ":" + last + " is inverted");
        }
        return new Span(first, last);
    }

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int value) {
        return value >= first && value <= last;
    }
}
