package org.miri.pixeldb.stack.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import java.util.Properties;

/**
 * A PostgreSQL server from the binaries Maven Central ships, with password authentication on TCP
 * loopback only (no Unix socket). The cluster is initialised once; its data directory is kept.
 */
public final class PostgresServer implements ManagedServer {

    public static final String DATABASE = "pixeldb";
    public static final String SUPERUSER = "pixeldb";

    private final Path dir;
    private final String host;
    private final int port;
    private final String password;
    private final long sharedBuffersMb;
    private final ServerUser user = ServerUser.forCurrentProcess();
    private Path bin;

    public PostgresServer(Path dir, String host, int port, String password) {
        this(dir, host, port, password, SharedBuffers.automatic(SharedBuffers.machineMegabytes()));
    }

    public PostgresServer(Path dir, String host, int port, String password, long sharedBuffersMb) {
        this.dir = dir;
        this.host = host;
        this.port = port;
        this.password = password;
        this.sharedBuffersMb = sharedBuffersMb;
    }

    @Override
    public String name() {
        return "postgres";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    @Override
    public void start() throws Exception {
        bin = PostgresDistribution.unpacked(dir.getParent()).resolve("bin");
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        Path pwfile = dir.resolve("initdb.pw");
        if (fresh) {
            // Created owner-only: written first and restricted after, the password was readable by all in between.
            Files.deleteIfExists(pwfile);
            Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pwfile, password + "\n");
        }
        user.prepare(dir.getParent(), dir);
        if (fresh) {
            try {
                ChildProcess.run("initdb", user.command(bin.resolve("initdb").toString(), "-D", data.toString(),
                        "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8",
                        "--locale=C", "--no-instructions"), dir, dir.resolve("initdb.log"), Duration.ofMinutes(3));
            } finally {
                Files.deleteIfExists(pwfile);
            }
        }
        ChildProcess.run("pg_ctl start", user.command(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "120", "-o", serverOptions(), "start"),
                dir, dir.resolve("pg_ctl.log"), Duration.ofMinutes(3));
        Waits.until("PostgreSQL on " + host + ":" + port, Duration.ofSeconds(60), () -> isHealthy(Duration.ofSeconds(2)), null);
        createDatabase();
    }

    /** Settings passed on the command line, so that the generated configuration files stay untouched. */
    private String serverOptions() {
        return String.join(" ", "-p", String.valueOf(port), "-c", "listen_addresses=" + host,
                "-c", "unix_socket_directories=''", "-c", "shared_buffers=" + sharedBuffersMb + "MB", "-c", "max_connections=200",
                "-c", "max_wal_size=8GB", "-c", "checkpoint_timeout=15min", "-c", "wal_buffers=64MB");
    }

    private void createDatabase() throws SQLException {
        try (Connection connection = connect("postgres", Duration.ofSeconds(5));
             var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            if (!check.executeQuery().next()) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        }
    }

    private Connection connect(String database, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    @Override
    public boolean isHealthy(Duration timeout) {
        try (Connection connection = connect("postgres", timeout)) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() throws Exception {
        Path data = dir.resolve("data");
        if (bin != null && Files.exists(data.resolve("postmaster.pid"))) {
            ChildProcess.run("pg_ctl stop", user.command(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-m", "fast", "-w", "-t", "60", "stop"), dir, dir.resolve("pg_ctl.log"), Duration.ofSeconds(90));
        }
    }

    @Override
    public void kill() throws Exception {
        Path pidFile = dir.resolve("data/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

}
