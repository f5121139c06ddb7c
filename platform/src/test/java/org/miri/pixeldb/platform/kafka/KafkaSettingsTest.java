package org.miri.pixeldb.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void sessionTimeoutSetsTheSessionAndAHeartbeatOfAThird() {
        Map<String, Object> config = KafkaSettings.consumer("127.0.0.1:1", "g", 10, Duration.ofSeconds(15));
        assertEquals(15_000, config.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals(5_000, config.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals(false, config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    }

    @Test
    void sessionTimeoutOutsideTheBrokersBoundsFailsNamingTheKey() {
        for (Duration wrong : new Duration[] {Duration.ofSeconds(5), Duration.ofMinutes(31), Duration.ZERO}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KafkaSettings.consumer("127.0.0.1:1", "g", 10, wrong));
            assertTrue(e.getMessage().startsWith("pixeldb.kafka.session-timeout must be between PT6S and PT30M"),
                    e.getMessage());
        }
    }
}
