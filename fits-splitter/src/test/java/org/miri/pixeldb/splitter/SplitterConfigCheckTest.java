package org.miri.pixeldb.splitter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.record.CompressionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitterConfigCheckTest {

    @ParameterizedTest
    @CsvSource({
        "0, 2, 'pixeldb.splitter.max-object-size must be at least 1 byte, not 0'",
        "-5, 2, 'pixeldb.splitter.max-object-size must be at least 1 byte, not -5'",
        "1000, 0, 'pixeldb.splitter.concurrent-objects must be 1..16, not 0'",
        "1000, 17, 'pixeldb.splitter.concurrent-objects must be 1..16, not 17'",
        "1000, -1, 'pixeldb.splitter.concurrent-objects must be 1..16, not -1'"})
    void aContradictionFailsTheStartWithItsKey(long maxObjectSize, int concurrentObjects, String message) {
        assertEquals(message, assertThrows(IllegalStateException.class,
                () -> SplitterService.check(config(maxObjectSize, concurrentObjects))).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "17179869184, 2", "1, 16"})
    void theBoundsThemselvesAreAccepted(long maxObjectSize, int concurrentObjects) {
        assertDoesNotThrow(() -> SplitterService.check(config(maxObjectSize, concurrentObjects)));
    }

    private static SplitterConfig config(long maxObjectSize, int concurrentObjects) {
        return new SplitterConfig() {
            public Duration pollInterval() {
                return Duration.ofSeconds(5);
            }

            public Optional<Path> workDir() {
                return Optional.empty();
            }

            public long maxObjectSize() {
                return maxObjectSize;
            }

            public int concurrentObjects() {
                return concurrentObjects;
            }

            public CompressionType recordCompression() {
                return CompressionType.NONE;
            }

            public int chunkBytes() {
                return 524288;
            }
        };
    }
}
