package org.miri.pixeldb.api.dq;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.miri.pixeldb.api.error.ApiException;

/**
 * The DQ flag names of table {@code dq_flag} (and the old names of {@code dq_flag_alias}): decodes unsigned masks
 * into names and names into masks. Plain data, read once from the database, so decoding costs no query.
 *
 * @param names   the current name of each bit 0..31 (null for an unnamed bit)
 * @param byName  every accepted name, current and old, upper case, to its bit
 */
public record DqCatalog(String[] names, Map<String, Integer> byName) {

    /** Current names of the bits set in an unsigned mask, in bit order; empty for 0 (GOOD). */
    public List<String> decode(long mask) {
        List<String> flags = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((mask & (1L << bit)) != 0 && names[bit] != null) {
                flags.add(names[bit]);
            }
        }
        return flags;
    }

    /** The mask of the named flags (any case, old names too); 400 naming the parameter for an unknown one. */
    public long mask(String parameter, List<String> flags) {
        long mask = 0;
        for (String flag : flags) {
            Integer bit = byName.get(flag.toUpperCase(Locale.ROOT));
            if (bit == null) {
                throw ApiException.badRequest(parameter, "unknown DQ flag '" + flag + "'; the names are those of"
                        + " GET /api/v1/flags");
            }
            mask |= 1L << bit;
        }
        return mask;
    }
}
