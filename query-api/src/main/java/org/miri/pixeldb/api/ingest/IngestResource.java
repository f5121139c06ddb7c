package org.miri.pixeldb.api.ingest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.miri.pixeldb.api.param.CursorToken;
import org.miri.pixeldb.api.param.NextLink;
import org.miri.pixeldb.api.param.Params;

@Path("/api/v1/ingest")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    @Inject
    IngestStatusRepository statuses;

    @GET
    @Operation(summary = "Ingest status of every product the ingest saw, most recently changed first: state, chunks"
            + " loaded of the chunk count, reason, transition times; paged with the 'next' link")
    public IngestPage list(@QueryParam("state") @Parameter(description = "RECEIVED, SPLITTING, LOADING, LOADED,"
            + " REJECTED, FAILED, or IN_FLIGHT (the first three); repeated or comma-separated") List<String> state,
            @QueryParam("limit") @Parameter(description = "1..1000, default 100") String limit,
            @QueryParam("cursor") @Parameter(description = "the token of a 'next' link") String cursor,
            @Context UriInfo uri) throws SQLException {
        List<String> states = StateFilter.parse("state", state);
        int size = Params.integer("limit", limit, 1, 1000, 100);
        CursorToken after = CursorToken.decode("cursor", cursor);
        if (after != null) {
            Params.instant("cursor", after.key()); // a token of another listing is a 400, not a 500
        }
        List<IngestStatusRepository.Listed> found = statuses.recent(states, after, size);
        List<ProductStatus> page = found.stream().limit(size).map(IngestStatusRepository.Listed::status).toList();
        if (found.size() <= size) {
            return new IngestPage(page, null);
        }
        IngestStatusRepository.Listed last = found.get(size - 1);
        String next = NextLink.after(uri, new CursorToken(last.status().updatedAt().toString(), last.id()));
        return new IngestPage(page, next);
    }
}
