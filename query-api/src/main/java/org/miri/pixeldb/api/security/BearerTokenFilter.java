package org.miri.pixeldb.api.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.miri.pixeldb.api.error.ApiError;
import org.miri.pixeldb.api.config.ApiConfig;

/**
 * Guards /api: a method that changes data needs an ADMIN token, and everything about exports an EXPORT or ADMIN
 * token ({@link ExportAccess}); reads need any known token only when
 * {@code pixeldb.api.read-token-required} is set. Health, metrics and OpenAPI stay open for operators.
 */
public class BearerTokenFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    ApiTokenRepository tokens;

    @Inject
    ApiConfig config;

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) throws SQLException {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        boolean write = !READS.contains(request.getMethod()) && (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(ReadsOnly.class));
        boolean export = resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(ExportAccess.class);
        if (!write && !export && !config.readTokenRequired()) {
            return Optional.empty();
        }
        String token = TokenHash.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return deny(401, "this request needs 'Authorization: Bearer <token>'" + (export ? " with an export or admin token"
                    : write ? " with an admin token" : ""));
        }
        Optional<String> role = tokens.role(TokenHash.of(token));
        if (role.isEmpty()) {
            return deny(401, "unknown token");
        }
        if (export && !role.get().equals("ADMIN") && !role.get().equals("EXPORT")) {
            return deny(403, "exports need an export or admin token");
        }
        if (write && !export && !role.get().equals("ADMIN")) {
            return deny(403, "changing data needs an admin token");
        }
        return Optional.empty();
    }

    private static Optional<Response> deny(int status, String message) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, status == 401 ? "Unauthorized" : "Forbidden", "Authorization", message));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return Optional.of(response.build());
    }
}
