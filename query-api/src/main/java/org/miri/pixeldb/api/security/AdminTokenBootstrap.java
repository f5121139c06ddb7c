package org.miri.pixeldb.api.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import org.miri.pixeldb.api.config.ApiConfig;

/**
 * Registers the deployment's admin token at start, given as its SHA-256 only, so the token itself never has to be
 * in the service's environment. Runs after Flyway's schema validation (both observe StartupEvent; Flyway's runs
 * first).
 */
public class AdminTokenBootstrap {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    ApiConfig config;

    void onStart(@Observes StartupEvent event) throws SQLException {
        Optional<String> adminTokenSha256 = config.adminTokenSha256();
        if (adminTokenSha256.isEmpty() || adminTokenSha256.get().isBlank()) {
            return;
        }
        String hash = adminTokenSha256.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (!TokenHash.isHash(hash)) {
            throw new IllegalStateException("pixeldb.api.admin-token-sha256 must be 64 hex digits (a SHA-256)");
        }
        tokens.register(hash, "ADMIN", "admin token from configuration");
    }
}
