package org.miri.pixeldb.api.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.miri.pixeldb.api.config.ApiConfig;

/** The configured response size limit. */
@ApplicationScoped
public class ApiLimits {

    @Inject
    ApiConfig config;

    public long maxResponseBytes() {
        return config.maxResponseBytes();
    }
}
