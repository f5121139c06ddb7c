package org.miri.pixeldb.api.error;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure becomes an {@link ApiError} in JSON, whatever format the request asked for. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** PostgreSQL's query_canceled: the statement timeout fired. */
    private static final String QUERY_CANCELED = "57014";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response response = respond(e.status(), e.parameter(), e.getMessage());
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return respond(404, "path", "no such resource; the API lives under /api/v1 (see /q/openapi)");
        }
        if (e instanceof NotAllowedException) {
            // RFC 9110: a 405 must say what is allowed, in the Allow header; the framework's exception does not carry it.
            String allowed = String.join(", ", AllowedMethods.of(uri.getPath()));
            return Response.fromResponse(respond(405, "method", "method not allowed here; allowed: " + allowed))
                    .header("Allow", allowed).build();
        }
        if (e instanceof NotAcceptableException) {
            return respond(406, "Accept", "none of the accepted media types is served; use JSON, CSV or FITS");
        }
        if (e instanceof NotSupportedException) {
            return respond(415, "Content-Type", "unsupported request body type");
        }
        return respond(status, status < 500 ? "request" : null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response database(SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            return respond(503, null, "the query ran longer than the statement timeout; ask for less");
        }
        LOG.error("database failure", e);
        return respond(500, null, "database failure; the server log has the details");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return respond(500, null, "internal error; the server log has the details");
    }

    static Response respond(int status, String parameter, String message) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, reason, parameter, message)).build();
    }
}
