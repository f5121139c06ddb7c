package org.miri.pixeldb.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.miri.pixeldb.platform.s3.S3Endpoint;

/**
 * Where the real servers of a test JVM answer. Passed between class loaders (JUnit's and Quarkus')
 * as a system property, so that one JVM never starts two sets of servers.
 */
public record RealServers(String kafkaBootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
                          S3Endpoint s3, String kind) {

    /** The servers of this JVM, started on first use and stopped when the JVM exits. */
    public static RealServers shared() {
        return SharedServers.get();
    }

    /**
     * The database as its superuser, for tests that prepare or inspect data. A service under test connects as its own
     * login ({@link RealServersTestResource}), with only the rights it has in production.
     */
    public DataSource superuserDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(jdbcUser);
        dataSource.setPassword(jdbcPassword);
        dataSource.setApplicationName("pixeldb-test");
        return dataSource;
    }

    String encode() {
        Properties p = new Properties();
        p.setProperty("kafka", kafkaBootstrapServers);
        p.setProperty("jdbcUrl", jdbcUrl);
        p.setProperty("jdbcUser", jdbcUser);
        p.setProperty("jdbcPassword", jdbcPassword);
        p.setProperty("s3.endpoint", s3.endpoint());
        p.setProperty("s3.region", s3.region());
        p.setProperty("s3.bucket", s3.bucket());
        p.setProperty("s3.accessKey", s3.accessKey());
        p.setProperty("s3.secretKey", s3.secretKey());
        p.setProperty("kind", kind);
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static RealServers decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RealServers(p.getProperty("kafka"), p.getProperty("jdbcUrl"), p.getProperty("jdbcUser"),
                p.getProperty("jdbcPassword"), new S3Endpoint(p.getProperty("s3.endpoint"), p.getProperty("s3.region"),
                p.getProperty("s3.bucket"), p.getProperty("s3.accessKey"), p.getProperty("s3.secretKey")),
                p.getProperty("kind"));
    }
}
