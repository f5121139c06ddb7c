package org.miri.pixeldb.stack.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedBuffersTest {

    private static final long MACHINE_MB = 24 * 1024;

    @Test
    void autoIsAQuarterOfTheMachineBetween128MbAnd4Gb() {
        assertEquals(4096, SharedBuffers.megabytes("auto", MACHINE_MB));
        assertEquals(4096, SharedBuffers.megabytes(null, MACHINE_MB));
        assertEquals(512, SharedBuffers.megabytes("AUTO", 2048));
        assertEquals(128, SharedBuffers.megabytes("auto", 256));
    }

    @Test
    void sizesInMegabytesOrGigabytes() {
        assertEquals(10 * 1024, SharedBuffers.megabytes("10GB", MACHINE_MB));
        assertEquals(10 * 1024, SharedBuffers.megabytes(" 10gb ", MACHINE_MB));
        assertEquals(512, SharedBuffers.megabytes("512MB", MACHINE_MB));
        assertEquals(18 * 1024, SharedBuffers.megabytes("18GB", MACHINE_MB));
    }

    @Test
    void malformedTinyAndHugeSizesAreRefusedSayingWhy() {
        for (String bad : new String[] {"10", "10 G", "1.5GB", "-1GB", "10TB", "9999999999GB", "lots"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SharedBuffers.megabytes(bad, MACHINE_MB), bad);
            assertTrue(e.getMessage().contains("--shared-buffers"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SharedBuffers.megabytes("127MB", MACHINE_MB));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> SharedBuffers.megabytes("19GB", MACHINE_MB));
        assertTrue(huge.getMessage().contains("three quarters"), huge.getMessage());
    }
}
