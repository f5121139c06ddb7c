package org.miri.pixeldb.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.miri.pixeldb.platform.kafka.DeadLetters;

/**
 * Issue 6, item 4: the malformed-input corpus dropped all at once into a running stack (real S3 API, Kafka,
 * PostgreSQL); each object ends REJECTED with a reason naming its problem and a dead letter naming the object,
 * nothing of them is stored, and a good file dropped after them loads value for value.
 */
@StackTest
class MalformedCorpusTest {

    @RegisterExtension
    static final RunningStack stack = RunningStack.forJplExposure("corpus-stack");

    @TempDir
    static Path temp;

    @Test
    void everyMalformedObjectIsRejectedWithItsReasonAndAGoodFileDroppedAfterThemLoads() throws Exception {
        // The raw file that the contradicting ramp and rateints are checked against.
        stack.upload("corpus/reference/" + MalformedCorpus.NAME + ".fits", JplExposure.rawFile());
        assertEquals("LOADED", stack.awaitFinalState("corpus/reference/" + MalformedCorpus.NAME + ".fits"));
        List<MalformedCorpus.Case> corpus = MalformedCorpus.build();
        long splitterPid = stack.servicePid("fits-splitter");
        long dropped = System.nanoTime();
        for (MalformedCorpus.Case bad : corpus) {
            Path file = Files.write(temp.resolve(bad.name() + ".fits"), bad.content());
            stack.upload(bad.key(), file);
        }
        long uploaded = System.nanoTime();
        Map<MalformedCorpus.Case, Map<String, Object>> outcome = new LinkedHashMap<>();
        try (Connection db = stack.database()) {
            for (MalformedCorpus.Case bad : corpus) {
                stack.awaitFinalState(bad.key());
                outcome.put(bad, RunningStack.row(db, "select l.state, l.reason, e.date_obs from ingest_log l left join "
                        + "exposure e on e.name = l.exposure_name where l.object_key = ?", bad.key()));
            }
        }
        long done = System.nanoTime();
        printTable(outcome);
        System.out.printf("corpus: %d cases uploaded in %.1f s, all final %.1f s after the last upload (%.1f s in all)%n",
                corpus.size(), (uploaded - dropped) / 1e9, (done - uploaded) / 1e9, (done - dropped) / 1e9);
        List<String> wrong = new ArrayList<>();
        outcome.forEach((bad, entry) -> {
            String reason = String.valueOf(entry.get("reason"));
            if (!bad.state().equals(entry.get("state")) || bad.state().equals("REJECTED") && !reason.contains(bad.words())) {
                wrong.add(bad.name() + ": " + entry + ", expected " + bad.state() + " naming '" + bad.words() + "'");
            }
        });
        assertEquals(List.of(), wrong);
        List<MalformedCorpus.Case> loaded = corpus.stream().filter(c -> c.state().equals("LOADED")).toList();
        for (MalformedCorpus.Case unknownDate : loaded) {
            assertNull(outcome.get(unknownDate).get("date_obs"), unknownDate.name() + ": the date is stored as unknown");
        }
        // Crafted headers end in reasons, not in a dead splitter that the supervisor brings back.
        assertEquals(splitterPid, stack.servicePid("fits-splitter"), "fits-splitter restarted during the corpus");
        try (Connection db = stack.database()) {
            assertEquals(1L + loaded.size(), RunningStack.row(db, "select count(*) n from exposure").get("n"),
                    "only the reference exposure and those with an unreadable or implausible date");
            assertEquals("RAW", RunningStack.row(db, "select string_agg(kind, ',') k from product p join exposure e "
                    + "on e.id = p.exposure_id where e.name = ? and p.derived_from is null", MalformedCorpus.NAME).get("k"),
                    "no contradicting product");
        }
        assertEveryRejectedObjectIsDeadLettered(corpus);
        // No partition is stuck: a good file after the corpus loads, every sample equal to the file's.
        stack.upload("corpus/after/GOOD_AFTER.fits", JplExposure.rawFile());
        assertEquals("LOADED", stack.awaitFinalState("corpus/after/GOOD_AFTER.fits"));
        try (Connection db = stack.database()) {
            JplExposure.read().assertEverySampleEqualsTheFile(db, "GOOD_AFTER");
        }
    }

    /** Every rejection (the splitter's and the writers') reaches the dead-letter topic with the object it concerns. */
    private static void assertEveryRejectedObjectIsDeadLettered(List<MalformedCorpus.Case> corpus) throws Exception {
        Set<String> lettered = stack.deadLetterHeaders(DeadLetters.ORIGIN_KEY);
        List<String> missing = corpus.stream().filter(c -> c.state().equals("REJECTED"))
                .map(MalformedCorpus.Case::key).filter(key -> !lettered.contains(key)).toList();
        assertEquals(List.of(), missing, "rejected objects without a dead letter");
    }

    private static void printTable(Map<MalformedCorpus.Case, Map<String, Object>> outcome) {
        StringBuilder table = new StringBuilder("\n| case | state | reason |\n| --- | --- | --- |\n");
        outcome.forEach((bad, entry) -> table.append("| ").append(bad.name()).append(" | ").append(entry.get("state"))
                .append(" | ").append(entry.get("state").equals("LOADED") ? "date_obs " + entry.get("date_obs")
                        : entry.get("reason")).append(" |\n"));
        System.out.println(table);
    }
}
