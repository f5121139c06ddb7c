package org.miri.pixeldb.stack.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the servers run on the classpath the local-stack build wrote down. */
public final class JavaCommand {

    private static final String STACK_CLASSPATH = "META-INF/pixeldb/stack.classpath";

    private JavaCommand() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A main class of one of the servers' artifacts (Kafka, S3Proxy), with the given heap. */
    public static List<String> forMainClass(String heap, String mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-cp", stackClasspath()));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The servers log through Logback (S3Proxy brings it, and Kafka logs through SLF4J): warnings
     * only, so that their logs stay readable and small. Written beside the server's data.
     */
    public static String quietLogging(Path dir) {
        Path config = dir.resolve("logback.xml");
        try {
            java.nio.file.Files.writeString(config, String.join("\n",
                    "<configuration>",
                    "  <appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                    "    <encoder><pattern>%d{ISO8601} %-5level [%logger{30}] %msg%n</pattern></encoder>",
                    "  </appender>",
                    "  <root level=\"WARN\"><appender-ref ref=\"out\"/></root>",
                    "  <logger name=\"kafka.server.KafkaRaftServer\" level=\"INFO\"/>",
                    "  <logger name=\"org.gaul.s3proxy\" level=\"INFO\"/>",
                    "</configuration>", ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "-Dlogback.configurationFile=" + config;
    }

    private static String ownLocation() {
        try {
            return Path.of(JavaCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot tell where local-stack's classes are", e);
        }
    }

    static String stackClasspath() {
        try (InputStream in = JavaCommand.class.getClassLoader().getResourceAsStream(STACK_CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(STACK_CLASSPATH + " is missing: build local-stack with Maven first");
            }
            // The dependencies, then local-stack itself (its jar or classes folder): NotifyingS3Proxy runs from there.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() + java.io.File.pathSeparator
                    + ownLocation();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STACK_CLASSPATH, e);
        }
    }
}
