package org.miri.pixeldb.api.region;

import java.util.Locale;
import org.miri.pixeldb.api.error.ApiException;

/**
 * Which ramps a region request reads, the API's {@code kind=raw|corrected|refout}: raw science ramps, corrected
 * ramps, or raw reference-output ramps, with the product they come from and the strip table that holds them. Not the
 * Avro {@code RampKind} (SCIENCE or REFOUT array of one product).
 */
public enum RegionKind {
    RAW("RAW", "raw_ramp_strip"), CORRECTED("RAMP", "corrected_ramp_strip"), REFOUT("RAW", "refout_ramp_strip");

    public final String product;
    public final String table;

    RegionKind(String product, String table) {
        this.product = product;
        this.table = table;
    }

    /** The kind a request names, in any case; raw when absent; 400 naming {@code kind} for anything else. */
    public static RegionKind parse(String value) {
        try {
            return value == null || value.isBlank() ? RAW : valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("kind", "kind is raw, corrected or refout");
        }
    }
}
