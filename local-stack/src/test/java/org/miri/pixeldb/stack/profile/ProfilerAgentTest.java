package org.miri.pixeldb.stack.profile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** up --profile: the agent's arguments, and the event chosen where perf_events are or are not permitted. */
class ProfilerAgentTest {

    @Test
    void theAgentStartsAtOnceAndWritesAJfrPerProcessNamedByItsStartTime() {
        ProfilerAgent agent = new ProfilerAgent(Path.of("/p/var/profiler/libasyncProfiler.so"), Path.of("/p/prof"),
                "ctimer", "5ms");
        assertEquals("-agentpath:/p/var/profiler/libasyncProfiler.so=start,event=ctimer,interval=5ms,jfr,"
                + "file=/p/prof/fits-splitter-%t.jfr", agent.jvmOption("fits-splitter"));
    }

    @Test
    void perfEventsWhenTheKernelPermitsThemElseAPerThreadCpuTimer() {
        assertEquals("cpu", ProfilerAgent.autoEvent(OptionalInt.of(-1), false));
        assertEquals("cpu", ProfilerAgent.autoEvent(OptionalInt.of(1), false));
        assertEquals("ctimer", ProfilerAgent.autoEvent(OptionalInt.of(2), false));
        assertEquals("ctimer", ProfilerAgent.autoEvent(OptionalInt.of(4), false));
        assertEquals("ctimer", ProfilerAgent.autoEvent(OptionalInt.empty(), false));
        // The setting does not restrict a process with CAP_PERFMON or CAP_SYS_ADMIN (root on this machine).
        assertEquals("cpu", ProfilerAgent.autoEvent(OptionalInt.of(2), true));
    }

    @Test
    void capPerfmonOrCapSysAdminAreReadFromTheEffectiveSet() {
        assertTrue(ProfilerAgent.perfmonCapable("000001fffeffffff"), "root in a container");
        assertTrue(ProfilerAgent.perfmonCapable("0000004000000000"), "CAP_PERFMON alone");
        assertTrue(ProfilerAgent.perfmonCapable("0000000000200000"), "CAP_SYS_ADMIN alone");
        assertFalse(ProfilerAgent.perfmonCapable("0000000000000000"), "an ordinary user");
        assertFalse(ProfilerAgent.perfmonCapable("00000000a80425fb"), "Docker's default set for root");
    }

    @Test
    void whatTheAgentCannotParseIsRefusedBeforeAnythingStarts() {
        assertDoesNotThrow(() -> ProfilerAgent.validate(Path.of("var/prof"), "auto", "10ms"));
        assertDoesNotThrow(() -> ProfilerAgent.validate(Path.of("var/prof"), "itimer", "500us"));
        IllegalArgumentException comma = assertThrows(IllegalArgumentException.class,
                () -> ProfilerAgent.validate(Path.of("a,b"), "cpu", "5ms"));
        assertTrue(comma.getMessage().contains("','"), comma.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfilerAgent.validate(Path.of("a%t"), "cpu", "5ms"));
        assertThrows(IllegalArgumentException.class, () -> ProfilerAgent.validate(Path.of("p"), "alloc", "5ms"));
        assertThrows(IllegalArgumentException.class, () -> ProfilerAgent.validate(Path.of("p"), "cpu", "5"));
        assertThrows(IllegalArgumentException.class, () -> ProfilerAgent.validate(Path.of("p"), "cpu", "0ms"));
    }
}
