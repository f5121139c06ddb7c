package org.miri.pixeldb.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code up --exporters N}: instances and ports, checked before anything starts. */
class StackConfigTest {

    private static StackConfig parse(String... args) {
        return CommandLine.populateCommand(new StackConfig(), args);
    }

    @Test
    void oneExporterByDefaultAndOneOfEveryOtherService() {
        StackConfig config = parse();
        config.validate();
        for (Service service : Service.values()) {
            assertEquals(1, config.instances(service), service.toString());
        }
        assertEquals(List.of(15432, 19092, 19093, 19000, 18080, 18081, 18082, 18083, 18084),
                List.copyOf(config.ports().values()));
    }

    @Test
    void furtherExportersListenAboveTheServices() {
        StackConfig config = parse("--exporters", "3", "--api-port", "28080");
        config.validate();
        assertEquals(3, config.instances(Service.EXPORTER));
        assertEquals(1, config.instances(Service.RAMP_WRITER));
        assertTrue(config.ports().values().containsAll(List.of(28084, 28091, 28092)), config.ports().toString());
        assertEquals(0, parse("--exporters", "0").instances(Service.EXPORTER));
    }

    @Test
    void furtherWritersListenAboveTheExporters() {
        StackConfig config = parse("--writers", "2", "--exporters", "16", "--api-port", "28080");
        config.validate();
        assertEquals(2, config.instances(Service.RAMP_WRITER));
        assertEquals(2, config.instances(Service.CORRECTED_WRITER));
        assertEquals(1, config.instances(Service.FITS_SPLITTER));
        assertTrue(config.ports().keySet().containsAll(List.of("ramp-writer-2 (api port + 31)",
                "corrected-writer-2 (api port + 41)")), config.ports().toString());
        assertEquals(4 + 16 + 2 * 2 + 2, config.ports().size(), "postgres, kafka and its controller, s3, 16 exporters,"
                + " 2 of each writer, the API and the splitter: each its own port");
        assertThrows(IllegalArgumentException.class, () -> parse("--writers", "0").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--writers", "9").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--writers", "3", "--ramp-partitions", "2").validate());
    }

    @Test
    void aServicePortOnAServerPortIsRefusedNamingBoth() {
        // The exporter takes api port + 4: a Kafka port there would leave it unable to listen.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--api-port", "30000", "--kafka-port", "30004").validate());
        assertTrue(e.getMessage().contains("kafka (--kafka-port)") && e.getMessage().contains("exporter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> parse("--api-port", "30000", "--exporters", "2", "--s3-port", "30011").validate());
        assertTrue(e.getMessage().contains("exporter-2"), e.getMessage());
    }

    @Test
    void theExporterCountIsBounded() {
        assertThrows(IllegalArgumentException.class, () -> parse("--exporters", "-1").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--exporters", "17").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--api-port", "65533").validate());
    }

    @Test
    void profilingIsOffByDefaultAndItsOptionsAreCheckedWithTheOthers() throws Exception {
        StackConfig config = parse();
        assertTrue(config.profiler().isEmpty());
        parse("--profile", "var/prof", "--profile-event", "ctimer", "--profile-interval", "10ms").validate();
        assertThrows(IllegalArgumentException.class, () -> parse("--profile", "var/prof", "--profile-event", "cycles").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--profile", "a,b").validate());
    }

    @Test
    void sharedBuffersAreCheckedWithTheOthers() {
        assertEquals(10 * 1024, parse("--shared-buffers", "10GB").sharedBuffersMb());
        assertThrows(IllegalArgumentException.class, () -> parse("--shared-buffers", "10 gigs").validate());
        assertThrows(IllegalArgumentException.class, () -> parse("--shared-buffers", "64MB").validate());
    }
}
