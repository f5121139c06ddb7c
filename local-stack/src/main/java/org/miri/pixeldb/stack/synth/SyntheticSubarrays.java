package org.miri.pixeldb.stack.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.miri.pixeldb.model.Subarray;

/**
 * The windows the synthesiser writes: the named MIRI subarrays, and GENERIC. GENERIC stands for any other window;
 * here it is a tiny 12 x 8 one in the last corner of the detector, which holds the right-hand reference columns
 * (1029-1032), for quick tests of every product.
 */
public final class SyntheticSubarrays {

    public static final Subarray GENERIC = Subarray.generic(1021, 1017, 12, 8);

    /** The named MIRI subarrays, then GENERIC. */
    public static final List<Subarray> ALL = all();

    private SyntheticSubarrays() {
    }

    /** The subarray of this name, in any case; IllegalArgumentException for any other name. */
    public static Subarray named(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of " + names() + " but was '" + name + "'"));
    }

    public static List<String> names() {
        return ALL.stream().map(Subarray::name).toList();
    }

    private static List<Subarray> all() {
        List<Subarray> all = new ArrayList<>(Subarray.NAMED);
        all.add(GENERIC);
        return List.copyOf(all);
    }
}
