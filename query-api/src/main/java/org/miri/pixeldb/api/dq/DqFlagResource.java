package org.miri.pixeldb.api.dq;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
public class DqFlagResource {

    /** One DQ flag: its bit, value and the names it is accepted by. */
    public record Flag(int bit, long value, String name, List<String> aliases) {
    }

    @Inject
    DqFlagRepository flags;

    @GET
    @Operation(summary = "The JWST DQ flags: bit, value, current name and the old names filters accept")
    public List<Flag> list() throws SQLException {
        DqCatalog catalog = flags.catalog();
        List<Flag> all = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            String name = catalog.names()[bit];
            if (name != null) {
                final int b = bit;
                List<String> aliases = catalog.byName().entrySet().stream()
                        .filter(e -> e.getValue() == b && !e.getKey().equals(name)).map(Map.Entry::getKey).sorted().toList();
                all.add(new Flag(bit, 1L << bit, name, aliases));
            }
        }
        return all;
    }
}
