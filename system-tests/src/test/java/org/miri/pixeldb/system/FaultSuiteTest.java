package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.model.Subarray;
import org.miri.pixeldb.stack.export.ExportApi;
import org.miri.pixeldb.stack.export.ExportJob;
import org.miri.pixeldb.stack.synth.CorrectedProducts;
import org.miri.pixeldb.stack.synth.ExposureSpec;
import org.miri.pixeldb.stack.synth.JwstRawLayout;
import org.miri.pixeldb.stack.synth.Product;
import org.miri.pixeldb.system.faults.ContentDigest;
import org.miri.pixeldb.system.faults.ContentTable;
import org.miri.pixeldb.system.faults.DatabaseContent;
import org.miri.pixeldb.system.faults.ExportContent;
import org.miri.pixeldb.system.faults.FaultLedger;
import org.miri.pixeldb.system.faults.FileContent;

/**
 * Issue 6's fault suite: a batch of synthetic exposures loads again and again into a stack of its own while
 * one fault strikes at a seeded random moment (a service SIGKILLed, Kafka or PostgreSQL restarted, a second
 * ramp-writer added and removed); after each trial every product must be LOADED and every table must hold
 * exactly the files' rows (none doubled, none missing, the same checksum). The exporter is struck too: an export of
 * the loaded batch while it is SIGKILLed must end DONE with the clean export's files and rows (issue 16). Prints the
 * table per fault kind.
 * {@code -Dpixeldb.faults.seed=N} replays another sequence of moments; {@code -Dpixeldb.faults.trials=N} sets
 * the trials per killed service. Part of every {@code ./mvnw verify} (CI's run): 11.8-13.5 minutes at 10 trials per service
 * and 4 exporter kills on a 2-core machine; {@code -Dpixeldb.faults=false} leaves it out of a quicker local run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "pixeldb.faults", matches = "false",
        disabledReason = "left out with -Dpixeldb.faults=false (README, fault suite)")
@StackTest
class FaultSuiteTest {

    static final long SEED = Long.getLong("pixeldb.faults.seed", 20261130L);
    static final int KILL_TRIALS = Integer.getInteger("pixeldb.faults.trials", 10);
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(4);
    static final String[] SERVICES = {"fits-splitter", "ramp-writer", "corrected-writer"};
    /**
     * Exporter kills: a trial (an export of the loaded batch, the exporter restarted, the parts redelivered) takes 13-16 s
     * on this 2-core machine, mostly the exporter's restart (10 would add 2.5 minutes), so 4 by default, not 10;
     * {@code -Dpixeldb.faults.exporter-trials=N} sets them (default: the smaller of 4 and pixeldb.faults.trials).
     */
    static final int EXPORTER_TRIALS = Integer.getInteger("pixeldb.faults.exporter-trials", Math.min(KILL_TRIALS, 4));
    /** The exporter's consumer group (exporter's ExporterService.GROUP), evicted after a kill as the writers' are. */
    static final String EXPORTER_GROUP = "pixeldb-exporter";
    static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(3);
    static final Random RANDOM = new Random(SEED);
    static final FaultLedger LEDGER = new FaultLedger();
    static final ScheduledExecutorService FAULTS = Executors.newSingleThreadScheduledExecutor();

    /**
     * Two SUB64 exposures and a SUB128 one (about four times larger, so a fault finds loads in flight). Sized for
     * this 2-core machine under other builds: a SUB256 exposure more made a clean load take 50-70 s.
     */
    static final List<ExposureSpec> BATCH = List.of(
            new ExposureSpec("FAULT_SUB64_A", Subarray.SUB64, 2, 10, "MIRIMAGE", 101),
            new ExposureSpec("FAULT_SUB64_B", Subarray.SUB64, 2, 10, "MIRIMAGE", 102),
            new ExposureSpec("FAULT_SUB128_C", Subarray.SUB128, 2, 10, "MIRIMAGE", 103));

    @RegisterExtension
    static final RunningStack stack = RunningStack.named("fault-suite-stack");
    static final Map<Path, String> FILES = new LinkedHashMap<>();                  // file -> exposure
    static final Map<String, Map<ContentTable, ContentDigest>> EXPECTED = new LinkedHashMap<>();
    static int trial;
    static long baselineMillis;
    /** The clean export of the batch: its files' content by file name, and its time from POST to DONE. */
    static final Map<String, ExportContent> CLEAN_EXPORT = new LinkedHashMap<>();
    static long cleanExportMillis;
    static long lastLoadMillis;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        for (ExposureSpec spec : BATCH) {
            Path raw = JwstRawLayout.write(spec, temp);
            Map<Product, Path> corrected = CorrectedProducts.write(spec, temp, EnumSet.of(Product.RAMP, Product.RATEINTS),
                    true, false);
            Map<ContentTable.ProductFile, Path> byFile = Map.of(ContentTable.ProductFile.UNCAL, raw,
                    ContentTable.ProductFile.RAMP, corrected.get(Product.RAMP),
                    ContentTable.ProductFile.RATEINTS, corrected.get(Product.RATEINTS));
            byFile.values().forEach(file -> FILES.put(file, spec.name()));
            Map<ContentTable, ContentDigest> expected = new LinkedHashMap<>();
            for (ContentTable table : ContentTable.values()) {
                expected.put(table, FileContent.digest(byFile.get(table.file), table));
            }
            EXPECTED.put(spec.name(), expected);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        System.out.println("fault suite, seed " + SEED + ":\n" + LEDGER.table());
        FAULTS.shutdownNow();
    }

    @Test
    @Order(1)
    void withoutAFaultTheBatchLoadsExactly() throws Exception {
        assertTrue(baselineMillis() > 0);
    }

    /**
     * How long a clean load of the batch takes, which places every fault's moment: measured by the first trial that
     * needs it, so that a fault method run alone ({@code -Dtest='FaultSuiteTest#method'}) loads the batch once without
     * a fault first instead of striking at no moment at all.
     */
    static long baselineMillis() throws Exception {
        if (baselineMillis == 0) {
            runTrial("none (baseline)", false, null);
            baselineMillis = Math.max(1, lastLoadMillis);
            System.out.println("fault suite: the batch loads in " + baselineMillis + " ms without a fault");
        }
        return baselineMillis;
    }

    @Test
    @Order(2)
    void aServiceKilledAtARandomMomentLosesAndDoublesNothing() throws Exception {
        for (int n = 0; n < KILL_TRIALS; n++) {
            for (String service : SERVICES) {
                runTrial("SIGKILL " + service, faults -> faults.killService(service));
            }
        }
    }

    @Test
    @Order(3)
    void kafkaRestartedMidLoadLosesAndDoublesNothing() throws Exception {
        for (int n = 0; n < 2; n++) {
            runTrial("restart kafka", faults -> faults.restartServer("kafka"));
        }
    }

    @Test
    @Order(4)
    void postgresRestartedMidLoadLosesAndDoublesNothing() throws Exception {
        for (int n = 0; n < 2; n++) {
            runTrial("restart postgres", faults -> faults.restartServer("postgres"));
        }
    }

    @Test
    @Order(5)
    void aSecondRampWriterAddedAndOneRemovedMidLoadLosesAndDoublesNothing() throws Exception {
        // Once the added instance goes gracefully (it leaves the group), once the supervised one is SIGKILLed. The
        // second instance starts with the upload: its JVM takes about half a clean load's time to be ready, so it
        // joins mid-load, and one instance goes a seeded moment later.
        for (boolean killTheOriginal : new boolean[] {false, true}) {
            Duration hold = Duration.ofMillis(RANDOM.nextInt((int) Math.max(1, baselineMillis() / 4)));
            runTrial("add + remove ramp-writer", true, faults -> faults.scaleRampWriterOutAndIn(killTheOriginal,
                    hold, temp.resolve("extra-ramp-writer-" + trial + ".log")));
        }
    }

    /**
     * Issue 16: with the batch loaded, it is exported (RAW, RAMP, RATEINTS) once without a fault, which measures the
     * clean export's time and keeps its files' content; then per trial the same export is asked for and the exporter
     * SIGKILLed at a seeded moment within that time (the supervisor restarts it, the part in hand is redelivered and
     * written again under the same key). The job must end DONE with the same files, each holding the same multiset of
     * rows as the clean run's, as many as priced: none doubled, none lost.
     */
    @Test
    @Order(6)
    void anExporterKilledMidExportLosesAndDoublesNothing() throws Exception {
        baselineMillis();     // the batch is loaded: by the baseline, or left loaded by the trial before
        ExportApi api = new ExportApi(stack.status.path("api").asText(), stack.status.path("adminToken").asText());
        if (CLEAN_EXPORT.isEmpty()) {
            // Twice: the first export of a fresh exporter JVM is slower (class loading, DuckDB's start), and moments
            // drawn within its time came after the warm exports of the trials had ended. The second, warm one places
            // the moments (a restarted, cold exporter only takes longer), and must equal the first file for file.
            exportTrial(api, "export, none (baseline)", null);
            exportTrial(api, "export, none (baseline)", null);
            System.out.println("fault suite: the batch exports in " + cleanExportMillis + " ms without a fault");
        }
        for (int n = 0; n < EXPORTER_TRIALS; n++) {
            exportTrial(api, "SIGKILL exporter (export)", faults -> faults.killService("exporter", EXPORTER_GROUP));
        }
    }

    @Test
    @Order(7)
    void everyFaultKindEndedWithNoDuplicateAndNoMissingRow() {
        FaultLedger.Line total = LEDGER.total();
        assertTrue(total.trials() >= 1 + 3 * KILL_TRIALS + 6 + 2 + EXPORTER_TRIALS, "trials run: " + total.trials());
        assertEquals(0, total.duplicates(), LEDGER.table());
        assertEquals(0, total.missing(), LEDGER.table());
        assertEquals(0, total.checksumMismatches(), LEDGER.table());
        assertEquals(total.expected(), total.found(), LEDGER.table());
    }

    interface Fault {
        void strike(StackFaults faults) throws Exception;
    }

    /**
     * Deletes the batch's exposures, drops its files under a new key prefix in a seeded order, strikes the
     * fault after a seeded delay within the time a clean load takes, waits until every file is final and
     * compares every table with the files.
     */
    static void runTrial(String kind, Fault fault) throws Exception {
        runTrial(kind, false, fault);
    }

    /**
     * @param atUpload strike as the upload starts, for a fault that takes its own time to land
     * @param fault null for the clean load that measures the baseline
     */
    static void runTrial(String kind, boolean atUpload, Fault fault) throws Exception {
        // Every fault trial strikes within a clean load's time: without the baseline it would strike at once or never.
        long baseline = fault == null ? 0 : baselineMillis();
        trial++;
        StackFaults faults = StackFaults.whenHealthy(stack);
        deleteBatch();
        List<Path> files = new ArrayList<>(FILES.keySet());
        java.util.Collections.shuffle(files, RANDOM);
        long delay = fault == null || atUpload ? 0 : (long) (RANDOM.nextDouble() * baseline);
        String prefix = "faults/" + trial + "/";
        ScheduledFuture<?> struck = fault == null ? null : FAULTS.schedule(() -> {
            fault.strike(faults);
            return null;
        }, delay, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        for (Path file : files) {
            stack.upload(prefix + file.getFileName(), file);
        }
        if (struck != null) {
            struck.get(5, TimeUnit.MINUTES);
        }
        for (Path file : files) {
            assertEquals("LOADED", stack.awaitFinalState(prefix + file.getFileName(), LOAD_TIMEOUT),
                    kind + ": " + prefix + file.getFileName());
        }
        lastLoadMillis = (System.nanoTime() - started) / 1_000_000;
        FaultLedger.Line line = verify(kind);
        faults.stopLeftovers();
        System.out.printf("fault suite: trial %d, %s after %d ms: loaded in %d ms, %d rows, %d duplicates, %d missing%n",
                trial, kind, delay, lastLoadMillis, line.found(), line.duplicates(),
                line.missing());
        LEDGER.record(kind, line);
        assertEquals(0, line.duplicates(), kind);
        assertEquals(0, line.missing(), kind);
        assertEquals(0, line.checksumMismatches(), kind);
    }

    /**
     * Exports the loaded batch, striking the fault (null: none, the clean run that measures the time and keeps the
     * content) at a seeded moment within the clean export's time, waits until the job is DONE, downloads its files and
     * compares them with the clean run's.
     */
    static void exportTrial(ExportApi api, String kind, Fault fault) throws Exception {
        trial++;
        long trialStarted = System.nanoTime();
        StackFaults faults = StackFaults.whenHealthy(stack);
        long delay = fault == null ? 0 : (long) (RANDOM.nextDouble() * cleanExportMillis);
        ScheduledFuture<?> struck = fault == null ? null : FAULTS.schedule(() -> {
            fault.strike(faults);
            return null;
        }, delay, TimeUnit.MILLISECONDS);
        long started = System.nanoTime();
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "exposures", List.copyOf(EXPECTED.keySet()), "products", List.of("RAW", "RAMP", "RATEINTS")));
        ExportJob job = api.create(body);
        long deadline = System.nanoTime() + EXPORT_TIMEOUT.toNanos();
        while (!job.state().finished()) {
            if (System.nanoTime() > deadline) {
                fail(kind + ": export " + job.id() + " not finished within " + EXPORT_TIMEOUT + ": " + job.progress());
            }
            Thread.sleep(100);
            job = api.get(job.id());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (struck != null) {
            struck.get(5, TimeUnit.MINUTES);
        }
        if (job.state() != ExportJob.State.DONE) {
            fail(kind + ": export " + job.id() + " ended " + job.state() + ": " + job.reason() + " (" + job.progress() + ")");
        }
        Path folder = java.nio.file.Files.createDirectories(temp.resolve("export-" + trial));
        Map<String, ExportContent> files = new LinkedHashMap<>();
        for (ExportJob.ExportFile file : job.files()) {
            api.download(file, folder, partial -> { });
            files.put(file.name(), ExportContent.read(folder.resolve(file.name())));
        }
        if (fault == null) {
            if (CLEAN_EXPORT.isEmpty()) {
                CLEAN_EXPORT.putAll(files);
            }
            cleanExportMillis = Math.max(1, millis);
        }
        long expected = CLEAN_EXPORT.values().stream().mapToLong(ExportContent::rows).sum();
        long found = files.values().stream().mapToLong(ExportContent::rows).sum();
        long duplicates = files.values().stream().mapToLong(ExportContent::duplicates).sum();
        long missing = 0;
        long mismatches = 0;
        for (var clean : CLEAN_EXPORT.entrySet()) {
            ExportContent got = files.get(clean.getKey());
            missing += got == null ? clean.getValue().rows() : got.missingAgainst(clean.getValue());
            if (got == null || !got.sameAs(clean.getValue())) {
                mismatches++;
                System.out.println("fault suite: " + kind + ": " + clean.getKey() + " holds "
                        + (got == null ? "nothing (no such file)" : got.digest()) + ", the clean run's " + clean.getValue().digest());
            }
        }
        FaultLedger.Line line = new FaultLedger.Line(1, expected, found, duplicates, missing, mismatches);
        // A moment drawn late in the clean export's time may find this export already DONE: said, so that a run whose
        // kills all came too late is seen as such.
        String late = fault != null && delay >= millis ? " (struck after the job was DONE)" : "";
        System.out.printf("fault suite: trial %d, %s after %d ms%s: exported in %d ms (export %s, %d parts; parts per "
                        + "exporter instance %s), %d files, %d rows of %d priced, %d duplicates, %d missing; trial took %d ms%n",
                trial, kind, delay, late, millis, job.id(), job.parts(), partsPerExporter(job.id()), files.size(), found,
                job.pricedRows(), duplicates, missing, (System.nanoTime() - trialStarted) / 1_000_000);
        LEDGER.record(kind, line);
        assertEquals(CLEAN_EXPORT.keySet(), files.keySet(), kind + ": the files");
        assertEquals(job.pricedRows(), found, kind + ": rows against the priced rows");
        assertEquals(0, duplicates, kind);
        assertEquals(0, missing, kind);
        assertEquals(0, mismatches, kind);
        api.delete(job.id());
    }

    /** Which exporter instance (host/pid) reported each part last: two of them when the kill split a job's parts. */
    static Map<String, Long> partsPerExporter(String job) throws Exception {
        Map<String, Long> parts = new java.util.TreeMap<>();
        try (Connection db = stack.database(); PreparedStatement query = db.prepareStatement(
                "select exporter, count(*) from export_part where job_id = ?::uuid group by exporter")) {
            query.setString(1, job);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    parts.put(String.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return parts;
    }

    static FaultLedger.Line verify(String kind) throws Exception {
        long expected = 0;
        long found = 0;
        long duplicates = 0;
        long missing = 0;
        long mismatches = 0;
        try (Connection db = stack.database()) {
            for (var exposure : EXPECTED.entrySet()) {
                assertEquals(3L, RunningStack.row(db, "select count(*) n from product p join exposure e on e.id = "
                        + "p.exposure_id where e.name = ? and p.state = 'LOADED' and p.derived_from is null", exposure.getKey()).get("n"),
                        kind + ": products LOADED of " + exposure.getKey());
                for (var table : exposure.getValue().entrySet()) {
                    DatabaseContent.Found got = DatabaseContent.read(db, exposure.getKey(), table.getKey());
                    long rows = table.getValue().rows();
                    long distinct = got.digest().rows() - got.duplicates();
                    expected += rows;
                    found += got.digest().rows();
                    duplicates += got.duplicates();
                    missing += Math.max(0, rows - distinct);
                    if (!got.digest().sameAs(table.getValue())) {
                        mismatches++;
                        System.out.println("fault suite: " + kind + ": " + exposure.getKey() + " " + table.getKey()
                                + " holds " + got.digest() + ", the file " + table.getValue());
                    }
                }
            }
        }
        return new FaultLedger.Line(1, expected, found, duplicates, missing, mismatches);
    }

    static void deleteBatch() throws Exception {
        try (Connection db = stack.database();
             PreparedStatement delete = db.prepareStatement("with gone as (delete from exposure where name = any (?)"
                     + " returning name) select forget_exposure(name) from gone")) {
            delete.setArray(1, db.createArrayOf("text", EXPECTED.keySet().toArray()));
            delete.execute();
        }
    }
}
