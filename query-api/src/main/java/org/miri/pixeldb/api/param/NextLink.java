package org.miri.pixeldb.api.param;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The 'next' link of a page: this request with the cursor replaced, as a path relative to the host. An absolute link
 * would be built from the request's Host header, which any client can forge to send the next reader elsewhere.
 */
public final class NextLink {

    private NextLink() {
    }

    public static String after(UriInfo uri, CursorToken cursor) {
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor.encode()).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }
}
