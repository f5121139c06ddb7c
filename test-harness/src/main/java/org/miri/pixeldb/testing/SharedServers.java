package org.miri.pixeldb.testing;

import org.testcontainers.DockerClientFactory;

/**
 * Starts the servers once per JVM: in containers when a Docker engine answers (or when
 * {@code -Dpixeldb.test.servers=containers}), embedded otherwise ({@code =embedded} forces it).
 */
final class SharedServers {

    private static final String KEY = "pixeldb.test.servers.started";
    /**
     * String literals are interned JVM-wide, so every class loader locks the same object. Not the
     * system properties themselves: logging set-up on the start-up threads writes to them, and would
     * wait for this lock forever.
     */
    private static final Object LOCK = "pixeldb.test.servers.lock";

    private SharedServers() {
    }

    static RealServers get() {
        synchronized (LOCK) {
            String started = System.getProperty(KEY);
            if (started != null) {
                return RealServers.decode(started);
            }
            ServerSet servers = choose();
            RealServers endpoints = servers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "pixeldb-test-servers-stop"));
            System.setProperty(KEY, endpoints.encode());
            return endpoints;
        }
    }

    private static ServerSet choose() {
        String wanted = System.getProperty("pixeldb.test.servers", "auto");
        boolean docker = switch (wanted) {
            case "embedded" -> false;
            case "containers" -> true;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
        System.out.println("pixeldb test servers: " + (docker ? "Testcontainers (Docker engine found)"
                : "embedded Kafka, PostgreSQL and S3Proxy (no Docker engine)"));
        return docker ? new ContainerServers() : new EmbeddedServers();
    }

    /** One way of running the three servers. */
    interface ServerSet {
        RealServers start();

        void stop();
    }
}
