package org.miri.pixeldb.stack.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.stack.ingest.IngestLogWatch;
import org.miri.pixeldb.stack.synth.Product;

class BenchReportTest {

    @Test
    void aDropOfSeveralFilesIsTimedFromItsFirstAndFromItsLastUpload() {
        ProductRun raw = run(Product.UNCAL, "raw.fits", 1_000_000_000L, 3_100_000_000L);
        ProductRun ramp = run(Product.RAMP, "ramp.fits", 1_400_000_000L, 2_250_000_000L);
        String report = print(List.of(raw, ramp));
        assertTrue(report.contains("2/2 LOADED                2.10 s"), report);
        assertTrue(report.contains("last upload's end → last final state: 1.70 s"), report);
    }

    @Test
    void oneFileHasNoSecondMeasure() {
        String report = print(List.of(run(Product.UNCAL, "raw.fits", 0L, 1_000_000_000L)));
        assertTrue(!report.contains("last upload's end"), report);
    }

    private static ProductRun run(Product product, String key, long uploadedAt, long finishedAt) {
        ProductRun run = new ProductRun(product, key, 2_880_000, uploadedAt);
        run.finishedAt = finishedAt;
        run.outcome = new IngestLogWatch.Outcome(key, "LOADED", null, "E", (finishedAt - uploadedAt) / 1e9);
        return run;
    }

    private static String print(List<ProductRun> runs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BenchReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(runs, 1000, 3_000_000, Map.of());
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
