package org.miri.pixeldb.api.param;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.miri.pixeldb.api.error.ApiException;

/**
 * Checks every request's parameters against the matched endpoint before it runs. Query parameters the endpoint does
 * not declare are refused, and so are repeats of a single-valued one: a
 * typo such as {@code flags=JUMP_DET} for {@code flag} would otherwise answer unfiltered data with 200, which a
 * scientist would take for filtered. Read once per endpoint from its JAX-RS declarations, so a new parameter needs
 * nothing here. A NUL byte in any parameter is refused too: PostgreSQL cannot hold one in text, and would fail the
 * query with a 500. Only /api is guarded: the explorer's pages (decision 0018) keep their view state in the query,
 * read by the page's script and never by the server.
 */
public class ParameterGuard {

    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknownOrRepeated(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        refuseNul(request.getUriInfo().getPathParameters());
        refuseNul(request.getUriInfo().getQueryParameters());
        Map<String, Boolean> known = declared.computeIfAbsent(method, ParameterGuard::of);
        for (Map.Entry<String, List<String>> given : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = given.getKey();
            Boolean list = known.get(name);
            if (list == null) {
                String shown = name.isBlank() ? "(no name)" : Params.shorten(name);
                throw ApiException.badRequest(shown, "unknown parameter '" + shown + "'; "
                        + (known.isEmpty() ? "this endpoint takes none" : "this endpoint takes "
                        + String.join(", ", known.keySet())));
            }
            if (!list && given.getValue().size() > 1) {
                throw ApiException.badRequest(name, name + " is given " + given.getValue().size()
                        + " times; it takes one value");
            }
        }
    }

    private static void refuseNul(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                String name = Params.shorten(parameter.getKey());
                throw ApiException.badRequest(name, name + " contains a NUL byte (%00)");
            }
        }
    }

    /** Every query parameter of the method, its own and its bean parameters', with whether it takes a list. */
    static Map<String, Boolean> of(Method method) {
        Map<String, Boolean> names = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.put(query.value(), Collection.class.isAssignableFrom(parameter.getType()));
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    QueryParam inBean = field.getAnnotation(QueryParam.class);
                    if (inBean != null) {
                        names.put(inBean.value(), Collection.class.isAssignableFrom(field.getType()));
                    }
                }
            }
        }
        return names;
    }
}
