package org.miri.pixeldb.api.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.param.Params;

/** The {@code state} parameter of the ingest listing: states by name, any case; a word that is none is a 400. */
final class StateFilter {

    static final Set<String> STATES = Set.of("RECEIVED", "SPLITTING", "LOADING", "LOADED", "REJECTED", "FAILED");
    /** {@code state=IN_FLIGHT}: every state that is not final yet. */
    static final String IN_FLIGHT = "IN_FLIGHT";

    private StateFilter() {
    }

    static List<String> parse(String name, List<String> values) {
        return Params.list(name, values).stream().map(v -> v.toUpperCase(Locale.ROOT)).flatMap(state -> {
            if (state.equals(IN_FLIGHT)) {
                return List.of("RECEIVED", "SPLITTING", "LOADING").stream();
            }
            if (!STATES.contains(state)) {
                throw ApiException.badRequest(name, name + " '" + state + "' is none of RECEIVED, SPLITTING, LOADING,"
                        + " LOADED, REJECTED, FAILED, " + IN_FLIGHT);
            }
            return List.of(state).stream();
        }).distinct().toList();
    }
}
