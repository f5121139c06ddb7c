package org.miri.pixeldb.stack.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A profile in collapsed form, one line per distinct stack: {@code root;caller;...;leaf samples}. Tells what each frame
 * costs by itself (samples with it as the leaf) and in total (samples with it anywhere in the stack), the two lists
 * that say where a process's CPU goes.
 */
public final class CollapsedStacks {

    /** A frame's samples and their share of all samples, in percent. */
    public record Cost(String frame, long samples, double percent) {
    }

    private final Map<String, Long> self = new HashMap<>();
    private final Map<String, Long> total = new HashMap<>();
    private long samples;

    public static CollapsedStacks read(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return parse(lines.toList());
        }
    }

    static CollapsedStacks parse(List<String> lines) {
        CollapsedStacks stacks = new CollapsedStacks();
        lines.stream().filter(line -> !line.isBlank()).forEach(stacks::add);
        return stacks;
    }

    private void add(String line) {
        int space = line.lastIndexOf(' ');
        long count = Long.parseLong(line.substring(space + 1).trim());
        String[] frames = line.substring(0, space).split(";");
        samples += count;
        self.merge(name(frames[frames.length - 1]), count, Long::sum);
        // A recursive method is on the stack more than once, but the samples cost it once.
        Set<String> distinct = new HashSet<>();
        for (String frame : frames) {
            if (distinct.add(name(frame))) {
                total.merge(name(frame), count, Long::sum);
            }
        }
    }

    /** async-profiler marks a frame's kind with a suffix (_[j] compiled, _[i] inlined, _[k] kernel...): one name for all. */
    private static String name(String frame) {
        return frame.replaceFirst("_\\[[0-9a-z]\\]$", "");
    }

    public long samples() {
        return samples;
    }

    public List<Cost> topSelf(int n) {
        return top(self, n);
    }

    public List<Cost> topTotal(int n) {
        return top(total, n);
    }

    /** The costliest frames in total among those whose name matches, e.g. our own code: org/miri/. */
    public List<Cost> topTotal(int n, Pattern frames) {
        Map<String, Long> matching = new HashMap<>();
        total.forEach((frame, count) -> {
            if (frames.matcher(frame).find()) {
                matching.put(frame, count);
            }
        });
        return top(matching, n);
    }

    private List<Cost> top(Map<String, Long> costs, int n) {
        return costs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> new Cost(e.getKey(), e.getValue(), samples == 0 ? 0 : 100.0 * e.getValue() / samples))
                .toList();
    }
}
