package org.miri.pixeldb.api.explorer;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pixel explorer's pages (decision 0018). Each route answers the same small HTML shell naming its view; the view's
 * ES module then reads everything from the public /api/v1 endpoints, so the pages are also a worked example of the
 * API. Path parameters are not read here: the module takes them from the URL, which keeps every view linkable.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ExplorerResource {

    @Inject
    ExplorerShell shell;

    @GET
    @Operation(hidden = true)
    public Response home() {
        return shell.page("home", "Exposures");
    }

    @GET
    @Operation(hidden = true)
    @Path("exposures/{name}")
    public Response exposure(@PathParam("name") String name) {
        return shell.page("exposure", "Exposure");
    }

    @GET
    @Operation(hidden = true)
    @Path("pixels/{detector}/{row}/{col}")
    public Response pixel(@PathParam("detector") String detector, @PathParam("row") String row,
            @PathParam("col") String col) {
        return shell.page("pixel", "Pixel");
    }

    @GET
    @Operation(hidden = true)
    @Path("detectors/{detector}/health")
    public Response health(@PathParam("detector") String detector) {
        return shell.page("health", "Detector health");
    }

    @GET
    @Operation(hidden = true)
    @Path("ingest")
    public Response ingest() {
        return shell.page("ingest", "Ingest");
    }
}
