package org.miri.pixeldb.api.region;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.param.Params;

/**
 * The planes of a slope product, as the pipeline names its extensions. A reader that needs only some of them (the
 * explorer's heat map reads SCI, ERR and DQ) asks for those: 12 of 20 bytes a pixel in FITS.
 */
enum SlopePlane {
    SCI("sci", "sci"), ERR("err", "err"), DQ("dq", "dq"), VAR_POISSON("varPoisson", "var_poisson"),
    VAR_RNOISE("varRnoise", "var_rnoise");

    final String jsonField;
    final String csvColumn;

    SlopePlane(String jsonField, String csvColumn) {
        this.jsonField = jsonField;
        this.csvColumn = csvColumn;
    }

    /** The planes named by the parameter (repeated or comma-separated, any case); all of them when it is absent. */
    static Set<SlopePlane> parse(List<String> values) {
        List<String> names = Params.list("planes", values);
        if (names.isEmpty()) {
            return EnumSet.allOf(SlopePlane.class);
        }
        EnumSet<SlopePlane> planes = EnumSet.noneOf(SlopePlane.class);
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            planes.add(Arrays.stream(values()).filter(p -> p.name().equals(upper)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("planes", "unknown plane '" + name + "'; planes are "
                            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")))));
        }
        return planes;
    }
}
