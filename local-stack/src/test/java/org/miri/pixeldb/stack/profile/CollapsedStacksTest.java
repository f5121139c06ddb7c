package org.miri.pixeldb.stack.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ./pixeldb flame's lists: a frame's own samples, and every sample it is on the stack of, once each. */
class CollapsedStacksTest {

    private static final CollapsedStacks STACKS = CollapsedStacks.parse(List.of(
            "Thread.run_[j];org/miri/Split.run_[j];Avro.write_[j];Crc32.update_[j] 30",
            "Thread.run_[j];org/miri/Split.run_[j];Avro.write_[i] 10",
            "Thread.run_[j];org/miri/Split.run_[j];org/miri/Split.run_[j];Lz4.compress_[j] 40",
            "",
            "Thread.run_[j];Crc32.update_[k] 20"));

    @Test
    void selfIsTheLeafWhateverKindOfFrameItIs() {
        assertEquals(100, STACKS.samples());
        assertEquals(List.of(new CollapsedStacks.Cost("Crc32.update", 50, 50.0),
                new CollapsedStacks.Cost("Lz4.compress", 40, 40.0)), STACKS.topSelf(2));
        assertEquals(3, STACKS.topSelf(10).size(), "Avro.write's own 10 samples too");
    }

    @Test
    void totalCountsARecursiveFrameOncePerSample() {
        assertEquals(List.of(new CollapsedStacks.Cost("Thread.run", 100, 100.0),
                new CollapsedStacks.Cost("org/miri/Split.run", 80, 80.0),
                new CollapsedStacks.Cost("Crc32.update", 50, 50.0)), STACKS.topTotal(3));
        assertEquals(List.of(new CollapsedStacks.Cost("org/miri/Split.run", 80, 80.0)),
                STACKS.topTotal(5, Pattern.compile("org/miri/")));
    }
}
