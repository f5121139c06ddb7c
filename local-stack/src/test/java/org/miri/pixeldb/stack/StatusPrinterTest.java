package org.miri.pixeldb.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, item 13: `up` and `status` printed every secret, and so did every CI log that ran them. */
class StatusPrinterTest {

    private static final String DB_PASSWORD = "db-pass-1234";
    private static final String S3_SECRET = "s3-secret-5678";
    private static final String ADMIN_TOKEN = "admin-token-9012";

    private static StackState state() {
        return state(Map.of());
    }

    private static StackState state(Map<String, StackState.Component> services) {
        return new StackState(42, "2026-12-04T18:00:00Z", "/home/you/var", "http://127.0.0.1:18080", ADMIN_TOKEN,
                "127.0.0.1:19092", "jdbc:postgresql://127.0.0.1:15432/pixeldb?user=pixeldb&password=" + DB_PASSWORD,
                "postgresql://pixeldb:" + DB_PASSWORD + "@127.0.0.1:15432/pixeldb",
                new StackState.S3("http://127.0.0.1:19000", "pixeldb-ingest", "PIXELDBKEY", S3_SECRET, "us-east-1"),
                Map.of(), services);
    }

    @Test
    void theEndpointsLineUpWhateverTheServicesNames() {
        Map<String, StackState.Component> services = new java.util.LinkedHashMap<>();
        services.put("ramp-writer", new StackState.Component("http://127.0.0.1:18082", "/q/health/ready", 7, "a.log"));
        services.put("corrected-writer-2", new StackState.Component("http://127.0.0.1:18093", "/q/health/ready", 8,
                "b.log"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatusPrinter.print(state(services), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), false);
        // The header, then api, kafka, postgres, s3 and the two services: the endpoint after the name's padding.
        List<Integer> columns = out.toString(StandardCharsets.UTF_8).lines().skip(1).limit(6)
                .map(line -> {
                    String[] words = line.trim().split(" +");
                    return line.indexOf(words[1], 2 + words[0].length());
                })
                .toList();
        assertEquals(1, columns.stream().distinct().count(), "the endpoint column starts at one offset:\n" + out);
    }

    private static String printed(boolean showSecrets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatusPrinter.print(state(), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), showSecrets);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noSecretByDefaultButWhereTheyAre() {
        String text = printed(false);
        for (String secret : List.of(DB_PASSWORD, S3_SECRET, ADMIN_TOKEN)) {
            assertFalse(text.contains(secret), "printed " + secret + ":\n" + text);
        }
        assertTrue(text.contains("/home/you/var/credentials.properties"), text);
        assertTrue(text.contains("password=\u2026"), text);
    }

    @Test
    void everySecretWithShowSecrets() {
        String text = printed(true);
        for (String secret : List.of(DB_PASSWORD, S3_SECRET, ADMIN_TOKEN)) {
            assertTrue(text.contains(secret), "missing " + secret + ":\n" + text);
        }
    }

    @Test
    void passwordsAreMaskedInBothUrlForms() {
        assertEquals("postgresql://pixeldb:\u2026@host/db", StatusPrinter.masked("postgresql://pixeldb:pw@host/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=\u2026&ssl=true",
                StatusPrinter.masked("jdbc:postgresql://h/db?user=u&password=pw&ssl=true"));
    }
}
