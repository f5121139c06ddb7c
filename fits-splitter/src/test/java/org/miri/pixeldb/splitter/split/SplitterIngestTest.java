package org.miri.pixeldb.splitter.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.fits.chunk.RawRampPacking;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.testing.RealServers;
import org.miri.pixeldb.testing.RealServersTestResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Objects put into the real bucket come out of the running splitter as records on the real Kafka. */
@QuarkusTest
@QuarkusTestResource(RealServersTestResource.class)
class SplitterIngestTest {

    static final String NAME = "MIRI_5582_89_S_20180308-010230_SCE1";
    static final Duration WAIT = Duration.ofSeconds(90);
    final RealServers servers = RealServers.shared();

    @Test
    void theJplRawFileBecomesItsExposureAndEveryRampOnKafka() throws Exception {
        Path data = Path.of(System.getProperty("pixeldb.shared.data", "../shared/data"), "jpl8-sub64");
        assumeTrue(Files.isDirectory(data), "shared JPL8 exposure absent at " + data + ": skipping");
        put("jpl8/" + NAME + ".fits", Files.readAllBytes(data.resolve(NAME + ".fits")));
        IngestEvent split = finalEvent("jpl8/" + NAME + ".fits");
        assertEquals(IngestState.SPLIT, split.getState(), String.valueOf(split.getReason()));
        assertEquals(NAME, split.getExposure());

        Exposure exposure = TopicReader.read(servers.kafkaBootstrapServers(), Topic.EXPOSURES, Exposure.class,
                e -> e.getName().equals(NAME), found -> !found.isEmpty(), WAIT).get(0);
        assertEquals(List.of("SUB64", 1, 779, 5, 50, "MIRIMAGE", Origin.JPL), List.of(exposure.getSubarray(),
                exposure.getSubstrt1(), exposure.getSubstrt2(), exposure.getNints(), exposure.getNgroups(),
                exposure.getDetector(), exposure.getOrigin()));

        List<RawRampChunk> chunks = TopicReader.read(servers.kafkaBootstrapServers(), Topic.RAW_RAMPS, RawRampChunk.class,
                c -> c.getProductChecksum().equals(split.getProductChecksum()),
                found -> found.size() >= split.getChunkCount(), WAIT);
        assertEquals((long) split.getChunkCount(), chunks.stream().mapToInt(RawRampChunk::getChunkIndex).distinct().count());
        short[][][][] sci = image(data.resolve(NAME + "_pipe.fits"), "SCI");
        short[][][][] refout = image(data.resolve(NAME + "_pipe.fits"), "REFOUT");
        long samples = 0;
        for (RawRampChunk chunk : chunks) {
            short[][][][] expected = chunk.getKind() == RampKind.SCIENCE ? sci : refout;
            // SUB64 starts at column 1, so full-frame (reference-output) column n is array index n - 1 in both.
            int firstX = chunk.getFirstCol() - 1;
            byte[] packed = chunk.getSamples().array();
            for (int r = 0; r < chunk.getRows(); r++) {
                for (int c = 0; c < chunk.getCols(); c++) {
                    for (int g = 0; g < chunk.getNgroups(); g++) {
                        int want = expected[chunk.getIntegration() - 1][g][chunk.getFirstRow() - 779 + r][firstX + c] + 32768;
                        assertEquals(want, RawRampPacking.sample(packed, chunk.getCols(), chunk.getNgroups(), r, c, g));
                        samples++;
                    }
                }
            }
        }
        assertEquals(5L * 50 * 64 * (72 + 18), samples, "every science and reference-output sample, once");
    }

    @Test
    void theRateintsFileBecomesItsExposureWithProvenanceAndSlopeChunks() throws Exception {
        Path data = Path.of(System.getProperty("pixeldb.shared.data", "../shared/data"), "jpl8-sub64");
        assumeTrue(Files.isDirectory(data), "shared JPL8 exposure absent at " + data + ": skipping");
        String key = "jpl8/" + NAME + "_pipe_rateints.fits";
        put(key, Files.readAllBytes(data.resolve(NAME + "_pipe_rateints.fits")));
        IngestEvent split = finalEvent(key);
        assertEquals(IngestState.SPLIT, split.getState(), String.valueOf(split.getReason()));
        assertEquals(org.miri.pixeldb.schemas.ProductKind.RATEINTS, split.getProduct());
        assertEquals(5L * 64 * 72, split.getRampCount());
        Exposure exposure = TopicReader.read(servers.kafkaBootstrapServers(), Topic.EXPOSURES, Exposure.class,
                e -> e.getProductChecksum().equals(split.getProductChecksum()), found -> !found.isEmpty(), WAIT).get(0);
        assertEquals(List.of("0.17.0", "jwst_0642.pmap", "COMPLETE"), List.of(exposure.getProvenance().getCalVer(),
                exposure.getProvenance().getCrdsCtx(), exposure.getProvenance().getSteps().get("S_JUMP")));
        List<org.miri.pixeldb.schemas.SlopeChunk> chunks = TopicReader.read(servers.kafkaBootstrapServers(), Topic.SLOPES,
                org.miri.pixeldb.schemas.SlopeChunk.class, c -> c.getProductChecksum().equals(split.getProductChecksum()),
                found -> found.size() >= split.getChunkCount(), WAIT);
        assertEquals(5L * 64 * 72, chunks.stream().mapToLong(c -> (long) c.getRows() * c.getCols()).sum());
    }

    @Test
    void anObjectThatIsNotFitsIsIgnoredAndABrokenOneRejectedWithTheReason() {
        put("notes/readme.txt", "not a FITS file".getBytes());
        put("broken/truncated_uncal.fits", Arrays.copyOf("SIMPLE  =                    T".getBytes(), 1000));
        IngestEvent ignored = finalEvent("notes/readme.txt");
        assertEquals(IngestState.IGNORED, ignored.getState());
        IngestEvent rejected = finalEvent("broken/truncated_uncal.fits");
        assertEquals(IngestState.REJECTED, rejected.getState());
        assertTrue(rejected.getReason().length() > 10, rejected.getReason());
        System.out.println("rejected broken/truncated_uncal.fits: " + rejected.getReason());
    }

    private void put(String key, byte[] content) {
        try (S3Client s3 = servers.s3().client()) {
            s3.putObject(b -> b.bucket(servers.s3().bucket()).key(key), RequestBody.fromBytes(content));
        }
    }

    private IngestEvent finalEvent(String key) {
        List<IngestEvent> events = TopicReader.read(servers.kafkaBootstrapServers(), Topic.MANIFESTS, IngestEvent.class,
                e -> e.getSource().getKey().equals(key) && e.getState() != IngestState.RECEIVED,
                found -> !found.isEmpty(), WAIT);
        assertEquals(1, events.size(), "one final event for " + key + ": " + events);
        return events.get(0);
    }

    static short[][][][] image(Path file, String extname) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            for (int i = 1; ; i++) {
                if (extname.equals(fits.getHDU(i).getHeader().getStringValue("EXTNAME"))) {
                    return (short[][][][]) ((ImageHDU) fits.getHDU(i)).getKernel();
                }
            }
        }
    }
}
