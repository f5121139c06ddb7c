package org.miri.pixeldb.api.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the uri tag of request metrics to endpoint templates: requests refused before routing completes (401 from
 * the token filter, 405, 406) would otherwise be tagged with their raw path, and a stream of odd paths would grow
 * the metrics without bound.
 */
@Singleton
public class UriTagGuard {

    private static final List<String> FIXED = List.of("/api/v1/detectors", "/api/v1/flags", "/api/v1/exposures");

    @Produces
    @Singleton
    public MeterFilter templatedUris() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().equals("http.server.requests") || uri == null || uri.contains("{")
                        || FIXED.contains(uri) || !uri.startsWith("/api/")) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", "UNMATCHED") : tag)
                        .collect(Collectors.toList()));
            }
        };
    }
}
