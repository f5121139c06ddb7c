import com.sun.management.OperatingSystemMXBean;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * What writing a downloaded object costs the process, into a new file (deleted afterwards, as the splitter does)
 * against overwriting a file kept from the previous object (docs/performance.md, 2026-12-07, "Full frame on four
 * fresh stacks"). 1 GiB in 64 kB writes, the splitter's buffer; a pause between writes lets the kernel settle. The
 * first overwrite fills the empty kept file, so it is a new file's cost too.
 *
 * usage: java docs/bench/DownloadFileWrites.java [DIR] [REPEATS]     e.g. java docs/bench/DownloadFileWrites.java /tmp 4
 */
public class DownloadFileWrites {

    private static final long SIZE = 1L << 30;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        byte[] buffer = new byte[1 << 16];
        new Random(1).nextBytes(buffer);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path kept = Files.createTempFile(dir, "kept-", ".bin");
        try {
            for (int r = 1; r <= repeats; r++) {
                for (boolean overwrite : new boolean[] {false, true}) {
                    Thread.sleep(5_000);
                    Path file = overwrite ? kept : Files.createTempFile(dir, "new-", ".bin");
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                        for (long written = 0; written < SIZE; written += buffer.length) {
                            out.write(buffer);
                        }
                    }
                    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
                    double wallSeconds = (System.nanoTime() - wall) / 1e9;
                    long deleteStart = System.nanoTime();
                    if (!overwrite) {
                        Files.delete(file);
                    }
                    System.out.printf("%d %-9s write: %.3f s CPU, %.3f s wall; delete %.3f s%n", r,
                            overwrite ? "overwrite" : "new file", cpuSeconds, wallSeconds,
                            (System.nanoTime() - deleteStart) / 1e9);
                }
            }
        } finally {
            Files.deleteIfExists(kept);
        }
    }
}
