package org.miri.pixeldb.platform.kafka;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.jpountz.lz4.LZ4Factory;

/**
 * Makes Kafka's lz4 codec use lz4-java's native library inside Quarkus services. Kafka asks for
 * {@code LZ4Factory.fastestInstance()}, which tries the native library only when lz4-java was loaded by the
 * system class loader or when the library is already loaded; a Quarkus application's class loader is neither,
 * so every Quarkus service compressed and decompressed records with the pure-Java codec, at 0.6x the native
 * one's compression speed and 0.5x its decompression speed (profile and figures in docs/performance.md, 2026-12-06).
 * Loading the library once, before the first Kafka client exists, turns the native codec on for all of them;
 * where it cannot load (no library for the platform, a temporary directory mounted noexec), Kafka keeps the Java
 * codec, which reads and writes the same lz4 frames.
 */
public final class Lz4Natives {

    private static final Logger LOG = Logger.getLogger(Lz4Natives.class.getName());
    private static final boolean LOADED = load();

    private Lz4Natives() {
    }

    /** @return whether lz4-java's native library is loaded in this class loader (idempotent; cheap after the first call) */
    public static boolean loaded() {
        return LOADED;
    }

    private static boolean load() {
        try {
            LZ4Factory.nativeInstance();
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError and the like: the native library is an optimisation only
            LOG.log(Level.INFO, "lz4-java's native library did not load; Kafka's lz4 uses the Java codec: {0}", e);
            return false;
        }
    }
}
