package org.miri.pixeldb.api.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.security.ExportAccess;
import org.miri.pixeldb.platform.s3.BucketLayout;

/**
 * Export jobs (decision 0019): submitted here, planned and priced at once, written by the exporters, their state
 * folded from the exporters' events, their files streamed from the bucket. Every method needs an export or admin
 * token.
 */
@Path("/api/v1/exports")
@ExportAccess
public class ExportResource {

    public static final String PARQUET = "application/vnd.apache.parquet";

    @Inject
    ExportService exports;

    @Inject
    ExportFiles files;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an export job: exposures (names or filters), products, region, integrations, flags;"
            + " 202 with the job, 413 when priced above the limit")
    public Response submit(byte[] body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
            throws SQLException, InterruptedException {
        if (body != null && body.length > ExportRequest.MAX_BYTES) {
            throw new ApiException(413, "body", "an export request has at most " + ExportRequest.MAX_BYTES + " bytes");
        }
        ExportJob job = exports.submit(ExportRequest.parse(body), authorization);
        return Response.accepted(job).location(URI.create(job.url())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An export job: state, progress, and its files as they finish")
    public ExportJob get(@PathParam("id") String id) throws SQLException {
        return exports.find(id);
    }

    @GET
    @Path("/{id}/files/{name}")
    @Produces(PARQUET)
    @Operation(summary = "One finished file of an export job, streamed from the bucket")
    public Response file(@PathParam("id") String id, @PathParam("name") String name) throws SQLException {
        ExportJob job = exports.find(id);
        ExportJob.ExportFile file = job.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("name", "export " + id + " has no finished file named '"
                        + name + "'"));
        InputStream in = files.open(BucketLayout.exportKey(job.id(), file.name()));
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, PARQUET).header(HttpHeaders.CONTENT_LENGTH, file.bytes())
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a queued or running export job (200 with the job), or remove a finished one with its"
            + " files (204)")
    public Response delete(@PathParam("id") String id) throws SQLException {
        ExportJob job = exports.find(id);
        if (!job.state().finished()) {
            return Response.ok(exports.cancel(UUID.fromString(job.id()))).build();
        }
        exports.remove(UUID.fromString(job.id()));
        return Response.noContent().build();
    }
}
