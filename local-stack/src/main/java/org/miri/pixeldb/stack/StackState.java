package org.miri.pixeldb.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * What a running stack tells {@code status} and {@code down}: its endpoints, secrets and processes.
 * Written by the supervisor, readable by its owner only since it holds the local secrets.
 */
public record StackState(long pid, String startedAt, String dataDir, String api, String adminToken, String kafka,
                         String jdbc, String psql, S3 s3, Map<String, Component> servers,
                         Map<String, Component> services) {

    public record S3(String endpoint, String bucket, String accessKey, String secretKey, String region) {
    }

    /** @param url where it answers, {@code health} the path of its readiness check (services only) */
    public record Component(String url, String health, long pid, String log) {
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "stack", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        JSON.writeValue(temp.toFile(), this);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static Optional<StackState> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), StackState.class)) : Optional.empty();
    }

    /** The live supervisor of the stack whose state is in this file; empty when none runs. */
    public static Optional<ProcessHandle> supervisor(Path file) throws IOException {
        return read(file).flatMap(state -> ProcessHandle.of(state.pid())).filter(ProcessHandle::isAlive);
    }

    /** Whether the supervisor that wrote this is still alive. */
    public boolean supervisorAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
