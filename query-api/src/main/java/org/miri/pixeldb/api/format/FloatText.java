package org.miri.pixeldb.api.format;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Writes float32 values as the shortest decimal that reads back to the identical float (Schubfach, as
 * {@link Float#toString} does from Java 19 on), never widened to double first, which would print digits the file never
 * had. JSON has no NaN or infinities: NaN is
 * null, infinities are the strings "Infinity" and "-Infinity" (numpy and pandas read both); CSV writes NaN as an
 * empty field.
 */
public final class FloatText {

    private FloatText() {
    }

    /** The JSON token of a float. */
    public static String json(float value) {
        if (Float.isNaN(value)) {
            return "null";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return plain(value);
    }

    /** The CSV field of a float. */
    public static String csv(float value) {
        if (Float.isNaN(value)) {
            return "";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return plain(value);
    }

    // "1.0E-5" is valid JSON and CSV as it is; integral values keep their ".0" so that readers see a float. Jackson's
    // Schubfach writer gives the shortest such text (Java 17's Float.toString sometimes is not), several times faster.
    private static String plain(float value) {
        return NumberOutput.toString(value, true);
    }
}
