package org.miri.pixeldb.api.format;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured response size limit. */
@ApplicationScoped
public class ApiLimits {

    @ConfigProperty(name = "pixeldb.api.max-response-bytes", defaultValue = "268435456")
    long maxResponseBytes;

    public long maxResponseBytes() {
        return maxResponseBytes;
    }
}
