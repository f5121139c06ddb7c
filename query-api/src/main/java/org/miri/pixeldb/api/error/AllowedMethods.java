package org.miri.pixeldb.api.error;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The methods a path of the API answers, for the Allow header of a 405: the API reads everywhere and changes data
 * only where a DELETE is declared (the framework's 405 does not say which methods matched the path).
 */
final class AllowedMethods {

    private static final Pattern EXPOSURE = Pattern.compile("/api/v1/exposures/[^/]+/?");
    private static final List<String> READ = List.of("GET", "HEAD");
    private static final List<String> READ_DELETE = List.of("GET", "HEAD", "DELETE");

    private AllowedMethods() {
    }

    static List<String> of(String path) {
        return EXPOSURE.matcher(path).matches() ? READ_DELETE : READ;
    }
}
