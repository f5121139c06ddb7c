package org.miri.pixeldb.stack.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's library comes out of the async-profiler artifact, for the machine's platform or not at all. */
class AgentLibraryTest {

    @Test
    void eachPlatformHasItsFolderOfTheJar() {
        assertEquals("linux-x64", AgentLibrary.platformFolder("Linux", "amd64"));
        assertEquals("linux-arm64", AgentLibrary.platformFolder("Linux", "aarch64"));
        assertEquals("macos", AgentLibrary.platformFolder("Mac OS X", "aarch64"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AgentLibrary.platformFolder("Windows 11", "amd64"));
        assertTrue(e.getMessage().contains("Windows 11") && e.getMessage().contains("Linux"), e.getMessage());
    }

    @Test
    void theLibraryIsCopiedOutOfTheJarOnTheClasspath(@TempDir Path dir) throws Exception {
        Path library = AgentLibrary.extract(dir.resolve("profiler"));
        assertEquals(dir.resolve("profiler/libasyncProfiler.so"), library);
        byte[] head = Arrays.copyOf(Files.readAllBytes(library), 4);
        byte[] magic = System.getProperty("os.name").startsWith("Linux") ? new byte[] {0x7f, 'E', 'L', 'F'} : head;
        assertArrayEquals(magic, head, "a shared library");
        // Again over the first copy, as every up --profile does.
        AgentLibrary.extract(dir.resolve("profiler"));
        try (InputStream in = AgentLibrary.class.getClassLoader().getResourceAsStream(
                AgentLibrary.platformFolder(System.getProperty("os.name"), System.getProperty("os.arch")) + "/"
                        + AgentLibrary.FILE)) {
            assertEquals(in.readAllBytes().length, Files.size(library));
        }
    }
}
