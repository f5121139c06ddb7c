package org.miri.pixeldb.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

/**
 * Reproduces a Quarkus service's situation: lz4-java and Lz4Natives in a class loader that is not the system
 * class loader (Quarkus's RunnerClassLoader is one such), where {@code LZ4Factory.fastestInstance()}, Kafka's
 * choice, stays on the Java codec until the native library is loaded.
 */
class Lz4NativesTest {

    @Test
    void inAnApplicationClassLoaderKafkasChoiceTurnsNativeOnceLoaded() throws Exception {
        try (URLClassLoader app = new URLClassLoader(new URL[] {location(LZ4Factory.class), location(Lz4Natives.class)},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> factory = app.loadClass(LZ4Factory.class.getName());
            assertNotEquals("JNI", kafkasChoice(factory), "before: a Java codec, as in the services until now");

            Object loaded = app.loadClass(Lz4Natives.class.getName()).getMethod("loaded").invoke(null);

            assertEquals(true, loaded);
            assertEquals("JNI", kafkasChoice(factory));
        }
    }

    @Test
    void theNativeCodecReadsWhatTheJavaCodecWrites() {
        assertTrue(Lz4Natives.loaded());
        byte[] ramp = new byte[1 << 16];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) ((i % 40 < 20 ? i / 40 : 7) ^ (i % 4 == 3 ? i * 31 : 0)); // some repetition, some noise
        }
        byte[] compressed = LZ4Factory.fastestJavaInstance().fastCompressor().compress(ramp);
        byte[] back = LZ4Factory.nativeInstance().safeDecompressor().decompress(compressed, ramp.length);
        assertArrayEquals(ramp, back);
    }

    /** What Kafka's Lz4BlockOutputStream and Lz4BlockInputStream get: {@code LZ4Factory.fastestInstance()}. */
    private static String kafkasChoice(Class<?> factory) throws Exception {
        String described = factory.getMethod("fastestInstance").invoke(null).toString(); // LZ4Factory:JNI and so on
        return described.substring(described.indexOf(':') + 1);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
