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
        // Extra instances ("corrected-writer-2") are longer than the usual names: the column fits the longest.
        String format = "  %-" + state.services().keySet().stream().mapToInt(String::length).reduce(17, Math::max)
                + "s %-70s %s%n";
        out.printf(format, "api", state.api(), health.get(Service.QUERY_API.module()));
        out.printf(format, "kafka", state.kafka(), health.get("kafka"));
        out.printf(format, "postgres", showSecrets ? state.jdbc() : masked(state.jdbc()), health.get("postgres"));
        out.printf(format, "s3", state.s3().endpoint() + " bucket " + state.s3().bucket(), health.get("s3"));
        state.services().forEach((name, service) -> {
            if (!name.equals(Service.QUERY_API.module())) {
                out.printf(format, name, service.url(), health.get(name));
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

    public static String json(StackState state, Map<String, String> health) throws Exception {
        ObjectNode node = StackState.JSON.valueToTree(state);
        node.put("running", true);
        node.set("health", StackState.JSON.valueToTree(health));
        return StackState.JSON.writeValueAsString(node);
    }
}
