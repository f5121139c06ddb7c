package org.miri.pixeldb.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.miri.pixeldb.api.ingest.StatusInputs.ack;
import static org.miri.pixeldb.api.ingest.StatusInputs.at;
import static org.miri.pixeldb.api.ingest.StatusInputs.event;
import static org.miri.pixeldb.api.ingest.StatusInputs.rejected;
import static org.miri.pixeldb.api.ingest.StatusInputs.split;
import static org.miri.pixeldb.api.ingest.StatusInputs.uploaded;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.IngestStatus;
import org.miri.pixeldb.schemas.LoadAck;
import org.miri.pixeldb.schemas.ObjectStatus;
import org.miri.pixeldb.schemas.ProductIngestState;
import org.miri.pixeldb.schemas.codec.AvroSerializer;

/** The topology without a broker (TopologyTestDriver): what the status says after given inputs, in given orders. */
class IngestStatusTopologyTest {

    private final List<IngestStatus> sunk = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, IngestEvent> manifests;
    private TestInputTopic<String, LoadAck> acks;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ingest-status-test");
        driver = new TopologyTestDriver(IngestStatusTopology.build(3, sunk::add), config);
        manifests = driver.createInputTopic(Topic.MANIFESTS.topicName(), new StringSerializer(),
                new AvroSerializer<>(IngestEvent.class));
        acks = driver.createInputTopic(Topic.LOAD_ACKS.topicName(), new StringSerializer(),
                new AvroSerializer<>(LoadAck.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private IngestStatus product() {
        return driver.<String, IngestStatus>getKeyValueStore(IngestStatusTopology.STORE).get("X/RAW");
    }

    /** The status of object b/X.fits of product X/RAW. */
    private ObjectStatus status() {
        return product().getObjects().stream().filter(o -> o.getObjectKey().equals("b/X.fits")).findFirst().orElseThrow();
    }

    @Test
    void receivedLoadingThenLoadedWithTheTimeOfEachTransition() {
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 0));
        assertEquals(ProductIngestState.RECEIVED, status().getState());
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 4, 2));
        acks.pipeInput("X/RAW", ack("c1", 4, 0, 2, 3));
        assertEquals(ProductIngestState.LOADING, status().getState());
        assertEquals(2, status().getChunksLoaded());
        assertEquals(4, status().getChunkCount());
        acks.pipeInput("X/RAW", ack("c1", 4, 2, 4, 5));
        ObjectStatus done = status();
        assertEquals(ProductIngestState.LOADED, done.getState());
        assertEquals(List.of(at(0), at(3), at(2), at(5)),
                List.of(done.getReceivedAt(), done.getFirstChunkAt(), done.getSplitAt(), done.getLoadedAt()));
        assertEquals(400, done.getRampsLoaded());
        assertEquals(product(), sunk.get(sunk.size() - 1));
        assertEquals(4, product().getRevision());
    }

    @Test
    void acknowledgementsBeforeTheManifestShowSplittingThenCount() {
        // The repartition may deliver a writer's acknowledgement before the splitter's RECEIVED.
        acks.pipeInput("X/RAW", ack("c1", 4, 0, 3, 1));
        assertEquals(List.of(), product().getObjects());
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 0));
        assertEquals(ProductIngestState.SPLITTING, status().getState());
        assertEquals(3, status().getChunksLoaded());
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 4, 2));
        assertEquals(ProductIngestState.LOADING, status().getState());
        acks.pipeInput("X/RAW", ack("c1", 4, 3, 4, 3));
        assertEquals(ProductIngestState.LOADED, status().getState());
        assertEquals(at(3), status().getLoadedAt());
    }

    @Test
    void duplicateAcknowledgementsCountOnce() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 4, 0));
        acks.pipeInput("X/RAW", ack("c1", 4, 0, 3, 1));
        // A writer's replay after a crash between commit and offset commit acknowledges the same chunks.
        acks.pipeInput("X/RAW", ack("c1", 4, 0, 3, 2));
        acks.pipeInput("X/RAW", ack("c1", 4, 1, 2, 3));
        assertEquals(ProductIngestState.LOADING, status().getState());
        assertEquals(3, status().getChunksLoaded());
        assertEquals(300, status().getRampsLoaded());
    }

    @Test
    void aRejectedFileShowsItsReason() {
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 0));
        manifests.pipeInput("b/X.fits", rejected("X.fits", "e1", "NAXIS3 = 250 frames is not NINTS 5 x NGROUPS 49", 1));
        assertEquals(ProductIngestState.REJECTED, status().getState());
        assertEquals("NAXIS3 = 250 frames is not NINTS 5 x NGROUPS 49", status().getReason());
        assertEquals(at(1), status().getEndedAt());
    }

    @Test
    void aWritersRefusalRejectsTheVersion() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 4, 0));
        acks.pipeInput("X/RAW", LoadAck.newBuilder(ack("c1", 0, 0, 0, 1)).setRefusal("NGROUPS 20 contradicts 49").build());
        assertEquals(ProductIngestState.REJECTED, status().getState());
        assertEquals("NGROUPS 20 contradicts 49", status().getReason());
    }

    @Test
    void aNewerVersionOfTheSameProductReplacesTheLoadedOne() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 1));
        assertEquals(ProductIngestState.LOADED, status().getState());
        manifests.pipeInput("b/X.fits", event("X.fits", "e2", IngestState.RECEIVED, 10));
        assertEquals(ProductIngestState.RECEIVED, status().getState());
        assertNull(status().getLoadedAt());
        assertEquals(0, status().getChunksLoaded());
        manifests.pipeInput("b/X.fits", split("X.fits", "e2", "c2", 3, 12));
        acks.pipeInput("X/RAW", ack("c2", 3, 0, 1, 13));
        // A late duplicate of the old version counts for nothing now.
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 14));
        assertEquals(ProductIngestState.LOADING, status().getState());
        assertEquals(1, status().getChunksLoaded());
        acks.pipeInput("X/RAW", ack("c2", 3, 1, 3, 15));
        assertEquals(ProductIngestState.LOADED, status().getState());
        assertEquals("c2", status().getProductChecksum());
        assertEquals(List.of(at(10), at(15)), List.of(status().getReceivedAt(), status().getLoadedAt()));
    }

    @Test
    void theSameFileDroppedAgainAfterItsExposureWasDeletedCountsItsChunksAnew() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 1));
        manifests.pipeInput("b/X.fits", event("X.fits", "e1-again", IngestState.RECEIVED, 10));
        manifests.pipeInput("b/X.fits", split("X.fits", "e1-again", "c1", 2, 11));
        assertEquals(ProductIngestState.LOADING, status().getState());
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 12));
        assertEquals(ProductIngestState.LOADED, status().getState());
    }

    @Test
    void aRepeatedReceivedEventKeepsTheProgress() {
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 0));
        acks.pipeInput("X/RAW", ack("c1", 4, 0, 2, 1));
        // A splitter restarted mid-object receives it again.
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 2));
        assertEquals(ProductIngestState.SPLITTING, status().getState());
        assertEquals(2, status().getChunksLoaded());
        assertEquals(at(0), status().getReceivedAt());
    }

    @Test
    void aSecondFileWithOtherValuesShowsBesideTheLoadedOneRefused() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 1));
        manifests.pipeInput("b/X_pipe.fits", split("X_pipe.fits", "e9", "c9", 2, 5));
        acks.pipeInput("X/RAW", ack("c9", 2, 0, 1, 6));
        acks.pipeInput("X/RAW", ack("c9", 2, 1, 2, 7));
        acks.pipeInput("X/RAW", LoadAck.newBuilder(ack("c9", 0, 0, 0, 7)).setRefusal("values differ").build());
        assertEquals(ProductIngestState.LOADED, status().getState());
        ObjectStatus second = product().getObjects().get(0);
        assertEquals("b/X_pipe.fits", second.getObjectKey());
        assertEquals(ProductIngestState.REJECTED, second.getState());
        assertEquals("values differ", second.getReason());
        assertEquals(at(7), second.getEndedAt());
    }

    @Test
    void aSecondFileIdenticalToTheLoadedOneShowsLoadedWithTheWritersNoteAndItsTimes() {
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 1));
        manifests.pipeInput("b/X_pipe.fits", event("X_pipe.fits", "e9", IngestState.RECEIVED, 4));
        acks.pipeInput("X/RAW", ack("c9", 2, 0, 1, 5));
        manifests.pipeInput("b/X_pipe.fits", split("X_pipe.fits", "e9", "c9", 2, 6));
        // The completing commit acknowledges the last chunk and the note together.
        acks.pipeInput("X/RAW", ack("c9", 2, 1, 2, 8));
        acks.pipeInput("X/RAW", LoadAck.newBuilder(ack("c9", 0, 0, 0, 8)).setNote("identical to b/X.fits").build());
        ObjectStatus second = product().getObjects().get(0);
        assertEquals("b/X_pipe.fits", second.getObjectKey());
        assertEquals(ProductIngestState.LOADED, second.getState());
        assertEquals("identical to b/X.fits", second.getReason());
        assertEquals(List.of(at(4), at(5), at(6), at(8)), List.of(second.getReceivedAt(), second.getFirstChunkAt(),
                second.getSplitAt(), second.getLoadedAt()));
        assertEquals(List.of(2, 200L), List.of(second.getChunksLoaded(), second.getRampsLoaded()));
        assertEquals(ProductIngestState.LOADED, status().getState());
        assertNull(status().getReason(), "the first file's own status says nothing of the second");
    }

    // Issue 13, item 10: the same content uploaded again (same ETag) after its exposure was deleted.

    @Test
    void theSameContentUploadedAgainStartsAFreshStatusThatIsLoadedOnlyByTheNewCommits() {
        manifests.pipeInput("b/X.fits", uploaded(event("X.fits", "e1", IngestState.RECEIVED, 0), 0));
        manifests.pipeInput("b/X.fits", uploaded(split("X.fits", "e1", "c1", 2, 2), 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 3));
        assertEquals(ProductIngestState.LOADED, status().getState());
        // Deleted, then dropped again: the store reports the same ETag, a new modification time.
        manifests.pipeInput("b/X.fits", uploaded(event("X.fits", "e1", IngestState.RECEIVED, 10), 9));
        ObjectStatus again = status();
        assertEquals(ProductIngestState.RECEIVED, again.getState());
        assertEquals(List.of(0, 0L), List.of(again.getChunksLoaded(), again.getRampsLoaded()));
        assertEquals(at(10), again.getReceivedAt());
        assertNull(again.getFirstChunkAt());
        assertNull(again.getLoadedAt());
        manifests.pipeInput("b/X.fits", uploaded(split("X.fits", "e1", "c1", 2, 11), 9));
        assertEquals(ProductIngestState.LOADING, status().getState());
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 1, 12));
        // A writer's late replay of the deleted load's commit says nothing of the new rows.
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 2, 3));
        assertEquals(ProductIngestState.LOADING, status().getState());
        assertEquals(1, status().getChunksLoaded());
        acks.pipeInput("X/RAW", ack("c1", 2, 1, 2, 13));
        ObjectStatus loaded = status();
        assertEquals(ProductIngestState.LOADED, loaded.getState());
        assertEquals(List.of(at(10), at(12), at(11), at(13)), List.of(loaded.getReceivedAt(), loaded.getFirstChunkAt(),
                loaded.getSplitAt(), loaded.getLoadedAt()));
    }

    @Test
    void theSameUploadReceivedAgainIsNoNewAttempt() {
        manifests.pipeInput("b/X.fits", uploaded(event("X.fits", "e1", IngestState.RECEIVED, 0), 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 1, 1));
        manifests.pipeInput("b/X.fits", uploaded(event("X.fits", "e1", IngestState.RECEIVED, 2), 0));
        assertEquals(at(0), status().getReceivedAt());
        assertEquals(1, status().getChunksLoaded());
    }

    @Test
    void loadedNeverPrecedesLoadingWhenTheWritersCommitEveryChunkBeforeTheManifest() {
        // The second, identical raw file: its chunks are all committed before the splitter publishes its manifest.
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 0));
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 1, 1));
        acks.pipeInput("X/RAW", ack("c1", 2, 1, 2, 2));
        assertEquals(ProductIngestState.SPLITTING, status().getState());
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 3));
        ObjectStatus loaded = status();
        assertEquals(ProductIngestState.LOADED, loaded.getState());
        assertEquals(List.of(at(0), at(1), at(3), at(3)), List.of(loaded.getReceivedAt(), loaded.getFirstChunkAt(),
                loaded.getSplitAt(), loaded.getLoadedAt()));
    }

    @Test
    void noTransitionPrecedesTheReceivedOne() {
        // The repartition (or another host's clock) may put a commit before the RECEIVED it follows.
        acks.pipeInput("X/RAW", ack("c1", 2, 0, 1, 4));
        manifests.pipeInput("b/X.fits", event("X.fits", "e1", IngestState.RECEIVED, 5));
        manifests.pipeInput("b/X.fits", split("X.fits", "e1", "c1", 2, 6));
        assertEquals(ProductIngestState.LOADING, status().getState());
        assertEquals(at(5), status().getFirstChunkAt());
        acks.pipeInput("X/RAW", LoadAck.newBuilder(ack("c1", 0, 0, 0, 5)).setRefusal("values differ").build());
        assertEquals(ProductIngestState.REJECTED, status().getState());
        assertEquals(at(6), status().getEndedAt());
    }
}
