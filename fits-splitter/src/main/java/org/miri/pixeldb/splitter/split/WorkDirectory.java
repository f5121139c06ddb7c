package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The folder objects are downloaded into, owned by this user and closed to others (700): a predictable folder under
 * the system temp directory could otherwise be made in advance by another user, who would then read or swap the
 * objects. Files left by a process that died mid-object are removed at start.
 */
public final class WorkDirectory {

    private static final Logger LOG = Logger.getLogger(WorkDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private final Path path;

    private WorkDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates the folder (owner-only) or takes an existing one when this user owns it, tightening it to 700.
     *
     * @throws IllegalStateException when the path is a symbolic link, not a folder, or another user's folder
     */
    public static WorkDirectory open(Path path) throws IOException {
        if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(path.getParent());
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("work directory " + path + " is not a folder (or is a symbolic link): "
                    + "set pixeldb.splitter.work-dir to a folder of this service's own");
        }
        UserPrincipal me = processOwner();
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(me)) {
            throw new IllegalStateException("work directory " + path + " belongs to " + owner.getName() + ", not to "
                    + me.getName() + ": another user could read or replace the objects in it");
        }
        Files.setPosixFilePermissions(path, OWNER_ONLY);
        WorkDirectory directory = new WorkDirectory(path);
        directory.removeLeftovers();
        return directory;
    }

    /** Who this process runs as, read off a file it makes (a container's user may have no name to look up). */
    private static UserPrincipal processOwner() throws IOException {
        Path probe = Files.createTempFile("pixeldb-owner-", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }

    /** A new file only this user can read (createTempFile makes it 600). */
    Path newTempFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(path, prefix, suffix);
    }

    /** Removes downloads left by a process that died mid-object; each is a whole object's size. */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, ObjectDownloader.TEMP_PREFIX + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        if (removed > 0) {
            LOG.infof("removed %d download(s) left in %s by an earlier process", removed, path);
        }
        return removed;
    }

    public Path path() {
        return path;
    }
}
