package org.miri.pixeldb.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts, chosen below the kernel's ephemeral range. A port the kernel hands out for
 * {@code new ServerSocket(0)} comes from that range, and so does the local port of every outgoing connection: between
 * the probe and the server's bind, a Kafka or JDBC client elsewhere on the machine may take it, and the server then
 * never comes up (CI saw query-api fail this way on 2026-12-04). Below the range only listeners compete.
 */
public final class ListeningPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default first ephemeral port, for systems that do not say. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    /** Below this sit the well-known defaults of databases, brokers and the stack's own (15432, 18080, 19092...). */
    private static final int LOWEST = 20000;

    private ListeningPorts() {
    }

    /** One free port. */
    public static int one() {
        return block(1);
    }

    /** The first of {@code count} consecutive free ports, from a random start so parallel runs rarely meet. */
    public static int block(int count) {
        int high = ephemeralLow() - count;
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, high);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports between " + LOWEST + " and " + high);
    }

    static int ephemeralLow() {
        try {
            String range = Files.readString(EPHEMERAL_RANGE).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free on every address, loopback included
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
