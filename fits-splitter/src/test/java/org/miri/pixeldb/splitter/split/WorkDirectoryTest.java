package org.miri.pixeldb.splitter.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, items 12 and 19: the download folder is the service's own, and a crash leaves nothing in it for long. */
class WorkDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewFolderIsOwnerOnlyAndSoAreItsFiles() throws Exception {
        WorkDirectory work = WorkDirectory.open(temp.resolve("splitter"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.path())));
        Path file = work.newTempFile(ObjectDownloader.TEMP_PREFIX, ".fits");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anExistingOpenFolderIsTightenedAndItsLeftoversRemoved() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path leftover = Files.write(dir.resolve(ObjectDownloader.TEMP_PREFIX + "123.fits"), new byte[2880]);
        Path unrelated = Files.write(dir.resolve("notes.txt"), new byte[1]);
        WorkDirectory.open(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertFalse(Files.exists(leftover), "a download left by a dead process is removed at start");
        assertTrue(Files.exists(unrelated), "only the splitter's own downloads are removed");
    }

    @Test
    void aSymbolicLinkOrAnotherUsersFolderIsRefused() throws Exception {
        Path target = Files.createDirectory(temp.resolve("target"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), target);
        assertTrue(assertThrows(IllegalStateException.class, () -> WorkDirectory.open(link)).getMessage()
                .contains("is not a folder (or is a symbolic link)"));
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can hand a folder to another user");
        Path theirs = Files.createDirectory(temp.resolve("theirs"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertTrue(assertThrows(IllegalStateException.class, () -> WorkDirectory.open(theirs)).getMessage()
                .contains("belongs to nobody"));
    }
}
