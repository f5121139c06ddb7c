package org.miri.pixeldb.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** Renders a running stack's endpoints and health, for people or, as JSON, for scripts. */
public final class StatusPrinter {

    private StatusPrinter() {
    }

    /**
     * @param showSecrets print the database password, S3 secret key and admin token; otherwise say where they are:
     *                    a status printed into a CI log must not leak them
     */
    public static void print(StackState state, Map<String, String> health, PrintStream out, boolean showSecrets) {
        out.printf("pixeldb is running (supervisor pid %d, data %s)%n", state.pid(), state.dataDir());
        line(out, "api", state.api(), health.get(Service.QUERY_API.module()));
        line(out, "kafka", state.kafka(), health.get("kafka"));
        line(out, "postgres", showSecrets ? state.jdbc() : masked(state.jdbc()), health.get("postgres"));
        line(out, "s3", state.s3().endpoint() + " bucket " + state.s3().bucket(), health.get("s3"));
        state.services().forEach((name, service) -> {
            if (!name.equals(Service.QUERY_API.module())) {
                line(out, name, service.url(), health.get(name));
            }
        });
        if (!showSecrets) {
            out.printf("  secrets (database password, S3 keys, API admin token): %s%n",
                    Path.of(state.dataDir(), "credentials.properties"));
            out.println("  ./pixeldb status --show-secrets prints them; --json gives them to programs");
            return;
        }
        out.printf("  s3 credentials: access key %s, secret key %s, region %s%n", state.s3().accessKey(),
                state.s3().secretKey(), state.s3().region());
        out.printf("  psql: psql '%s'%n", state.psql());
        if (state.adminToken() != null) {
            out.printf("  api admin token: %s (Authorization: Bearer ...; DELETE needs it)%n", state.adminToken());
        }
    }

    /** The URL with its password replaced by "…" (as a query parameter or in the authority). */
    static String masked(String url) {
        return url == null ? null : url.replaceAll("password=[^&]*", "password=\u2026")
                .replaceAll("(//[^:/@]+):[^@/]*@", "$1:\u2026@");
    }

    private static void line(PrintStream out, String name, String endpoint, String health) {
        out.printf("  %-17s %-70s %s%n", name, endpoint, health);
    }

    public static String json(StackState state, Map<String, String> health) throws Exception {
        ObjectNode node = StackState.JSON.valueToTree(state);
        node.put("running", true);
        node.set("health", StackState.JSON.valueToTree(health));
        return StackState.JSON.writeValueAsString(node);
    }
}
