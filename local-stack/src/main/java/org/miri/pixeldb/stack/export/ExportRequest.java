package org.miri.pixeldb.stack.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./pixeldb export} asks {@code POST /api/v1/exports} for: the exposures by name, or the filters of
 * {@code GET /api/v1/exposures}; the products; and the cut (rows, columns, integrations, DQ flags). Checked here
 * first, so that a contradiction is named before anything is sent; the API checks everything again.
 *
 * @param exposures exposure names; empty when the exposures are chosen by the filters
 * @param filters   the exposure filters by their API names ({@code detector}, {@code subarray}, {@code readpatt},
 *                  {@code expType}, {@code origin}, {@code from}, {@code to}), each set one only
 * @param loaded    the products the exposures must have loaded (the {@code loaded} filter)
 * @param products  what to export, at least one of {@link #PRODUCTS}
 * @param rows      {@code a:b} or null
 * @param cols      {@code a:b} or null
 * @param integration {@code n}, {@code a:b} or null
 * @param flag      DQ flag names, any of which an integration must carry; empty for no condition
 * @param noflag    DQ flag names an integration must carry none of; empty for no condition
 */
public record ExportRequest(List<String> exposures, Map<String, String> filters, List<String> loaded,
                            List<String> products, String rows, String cols, String integration, List<String> flag,
                            List<String> noflag) {

    /** The products an export can hold, as the API names them. */
    public static final List<String> PRODUCTS = List.of("RAW", "REFOUT", "RAMP", "RATEINTS", "RATE", "QUICKLOOK");
    /** The products {@code loaded} accepts ({@code GET /api/v1/exposures}). */
    public static final List<String> LOADABLE = List.of("RAW", "RAMP", "RATEINTS", "RATE", "QUICKLOOK");
    /** The exposure filters, by their API names, and the option that sets each. */
    public static final Map<String, String> FILTER_OPTIONS = filterOptions();
    /** The one format an export is written in. */
    public static final String FORMAT = "parquet";

    private static final Pattern RANGE = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern FLAG_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ExportRequest {
        exposures = trimmed(exposures);
        filters = new LinkedHashMap<>(filters == null ? Map.of() : filters);
        filters.values().removeIf(value -> value == null || value.isBlank());
        filters.replaceAll((name, value) -> value.trim());
        loaded = upper(trimmed(loaded));
        products = upper(trimmed(products));
        rows = blankToNull(rows);
        cols = blankToNull(cols);
        integration = blankToNull(integration);
        flag = trimmed(flag);
        noflag = trimmed(noflag);
    }

    private static Map<String, String> filterOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("detector", "--detector");
        options.put("subarray", "--subarray");
        options.put("readpatt", "--readpatt");
        options.put("expType", "--exp-type");
        options.put("origin", "--origin");
        options.put("from", "--from");
        options.put("to", "--to");
        return java.util.Collections.unmodifiableMap(options);
    }

    /**
     * @throws IllegalArgumentException naming the option at fault: exposure names together with filters, no or
     *                                  unknown products, a malformed range, a flag both wanted and unwanted
     */
    public ExportRequest validate() {
        if (!exposures.isEmpty() && (!filters.isEmpty() || !loaded.isEmpty())) {
            List<String> given = new ArrayList<>();
            FILTER_OPTIONS.forEach((name, option) -> {
                if (filters.containsKey(name)) {
                    given.add(option);
                }
            });
            if (!loaded.isEmpty()) {
                given.add("--loaded");
            }
            throw new IllegalArgumentException("--exposure names the exposures; the filters (" + String.join(", ", given)
                    + ") choose them instead: give one or the other, not both");
        }
        for (String name : filters.keySet()) {
            if (!FILTER_OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown exposure filter " + name + "; known: " + FILTER_OPTIONS.keySet());
            }
        }
        if (products.isEmpty()) {
            throw new IllegalArgumentException("--products is required: one or more of " + String.join(",", PRODUCTS));
        }
        checkNames("--products", products, PRODUCTS);
        checkNames("--loaded", loaded, LOADABLE);
        checkRange("--rows", rows);
        checkRange("--cols", cols);
        if (integration != null && !NUMBER.matcher(integration).matches()) {
            checkRange("--integration", integration);
        }
        for (String name : flag) {
            checkFlag("--flag", name);
            if (noflag.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException(name + " is in both --flag and --noflag: no integration can match");
            }
        }
        noflag.forEach(name -> checkFlag("--noflag", name));
        return this;
    }

    /** The body of {@code POST /api/v1/exports}; options not given are left out. */
    public ObjectNode toJson() {
        ObjectNode body = JSON.createObjectNode();
        if (!exposures.isEmpty()) {
            array(body, "exposures", exposures);
        }
        // The API's order of the filters, whatever order they were given in.
        FILTER_OPTIONS.keySet().stream().filter(filters::containsKey).forEach(name -> body.put(name, filters.get(name)));
        if (!loaded.isEmpty()) {
            array(body, "loaded", loaded);
        }
        array(body, "products", products);
        if (rows != null) {
            body.put("rows", rows);
        }
        if (cols != null) {
            body.put("cols", cols);
        }
        if (integration != null) {
            body.put("integration", integration);
        }
        if (!flag.isEmpty()) {
            body.put("flag", String.join(",", flag));
        }
        if (!noflag.isEmpty()) {
            body.put("noflag", String.join(",", noflag));
        }
        body.put("format", FORMAT);
        return body;
    }

    private static void array(ObjectNode body, String name, List<String> values) {
        ArrayNode array = body.putArray(name);
        values.forEach(array::add);
    }

    private static void checkNames(String option, List<String> given, List<String> known) {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(option + ": unknown product " + name + "; known: " + String.join(",", known));
            }
        }
        if (Set.copyOf(given).size() < given.size()) {
            throw new IllegalArgumentException(option + " names a product more than once: " + String.join(",", given));
        }
    }

    private static void checkRange(String option, String range) {
        if (range == null) {
            return;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be " + (option.equals("--integration") ? "n or " : "")
                    + "a:b (first and last, inclusive), not '" + range + "'");
        }
        if (Long.parseLong(m.group(1)) > Long.parseLong(m.group(2))) {
            throw new IllegalArgumentException(option + " " + range + ": the first is after the last");
        }
    }

    private static void checkFlag(String option, String name) {
        if (!FLAG_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(option + ": '" + name + "' is no DQ flag name (e.g. JUMP_DET,SATURATED)");
        }
    }

    private static List<String> trimmed(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    result.add(value.trim());
                }
            }
        }
        return List.copyOf(result);
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
