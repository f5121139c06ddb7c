package org.miri.pixeldb.splitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.apache.kafka.common.record.CompressionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pixeldb.splitter.record-compression takes Kafka's codec names, defaults to lz4, and refuses anything else. */
class RecordCompressionConfigTest {

    @ParameterizedTest
    @CsvSource({"none, NONE", "lz4, LZ4", "zstd, ZSTD", "snappy, SNAPPY", "gzip, GZIP"})
    void kafkasNamesAreAccepted(String value, CompressionType expected) {
        assertEquals(expected, config(Map.of("pixeldb.splitter.record-compression", value)).recordCompression());
    }

    @Test
    void lz4ByDefault() {
        assertEquals(CompressionType.LZ4, config(Map.of()).recordCompression());
    }

    @Test
    void anUnknownCodecFailsWithTheAllowedNames() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> config(Map.of("pixeldb.splitter.record-compression", "brotli")));
        String message = String.valueOf(failure.getMessage()) + failure.getCause();
        assertTrue(message.contains("record-compression") && message.contains("brotli") && message.contains("zstd"), message);
    }

    private static SplitterConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(SplitterConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(SplitterConfig.class);
    }
}
