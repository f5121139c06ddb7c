package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** A chunk message must stay far below Kafka's 1 MB default for any subarray, full frame included, and any NGROUPS. */
class RawChunkSizeTest {

    private static final int KAFKA_LIMIT = 1_000_000;

    @ParameterizedTest
    @CsvSource({"1, 524288", "20, 524288", "200, 524288", "5000, 524288", "65535, 524288", "20, 786432",
        "65535, 786432", "50, 1024"})
    void everyFullFrameChunkFitsItsBudgetAndKafka(int ngroups, int budget) {
        RampGeometry fullFrame = new RampGeometry(5, ngroups, FrameGeometry.ROWS, FrameGeometry.COLUMNS, 1, 1);
        ChunkPlan<RampGeometry> plan = new RawRampChunker(budget).plan(fullFrame);
        AvroMessageCodec<RawRampChunk> codec = AvroMessageCodec.of(RawRampChunk.class);
        Set<String> shapes = new HashSet<>();
        for (ChunkBlock block : plan.blocksPerPlane()) {
            assertTrue(block.sampleBytes(ngroups) <= budget, block + " over budget");
            if (shapes.add(block.kind() + " " + block.rows() + "x" + block.cols())) {
                int size = codec.encode(largestChunk(plan, block)).length;
                assertTrue(size < KAFKA_LIMIT, block + " encodes to " + size + " bytes");
            }
        }
    }

    /** A chunk of this block with every field at its widest, so its encoding is the largest possible. */
    private static RawRampChunk largestChunk(ChunkPlan<RampGeometry> plan, ChunkBlock block) {
        return RawRampChunk.newBuilder()
                .setExposure("x".repeat(200))
                .setProductChecksum("f".repeat(64))
                .setIntegration(Integer.MAX_VALUE)
                .setKind(block.kind())
                .setFirstRow(Integer.MAX_VALUE)
                .setRows(block.rows())
                .setFirstCol(Integer.MAX_VALUE)
                .setCols(block.cols())
                .setNgroups(plan.geometry().ngroups())
                .setChunkIndex(Integer.MAX_VALUE)
                .setChunkCount(Integer.MAX_VALUE)
                .setSamples(ByteBuffer.allocate((int) block.sampleBytes(plan.geometry().ngroups())))
                .build();
    }
}
