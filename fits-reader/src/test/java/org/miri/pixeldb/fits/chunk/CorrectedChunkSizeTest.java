package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;

/** Corrected and slope messages must stay below Kafka's 1 MB default for the full frame and any group count. */
class CorrectedChunkSizeTest {

    private static final int KAFKA_LIMIT = 1_000_000;

    @ParameterizedTest
    @CsvSource({"1, 524288", "20, 524288", "200, 524288", "5000, 524288", "20, 786432",
        "65535, 786432", "50, 1024"})
    void everyFullFrameCorrectedChunkFitsItsBudgetAndKafka(int ngroups, int budget) {
        CorrectedGeometry fullFrame = new CorrectedGeometry(
                new RampGeometry(5, ngroups, FrameGeometry.ROWS, FrameGeometry.COLUMNS, 1, 1), true, true);
        ChunkPlan<CorrectedGeometry> plan = new CorrectedRampChunker(budget).plan(fullFrame);
        AvroMessageCodec<CorrectedRampChunk> codec = AvroMessageCodec.of(CorrectedRampChunk.class);
        Set<String> shapes = new HashSet<>();
        for (ChunkBlock block : plan.blocksPerPlane()) {
            long payload = (long) block.rows() * block.cols() * CorrectedRampChunker.rampBytes(fullFrame, block.kind());
            assertTrue(payload <= budget, block + " over budget");
            if (shapes.add(block.kind() + " " + block.rows() + "x" + block.cols())) {
                int size = codec.encode(largest(block, ngroups)).length;
                assertTrue(size < KAFKA_LIMIT, block + " encodes to " + size + " bytes");
            }
        }
    }

    @Test
    void aRampTooLongForTheBudgetIsRefusedWithTheReason() {
        // 65,535 groups x 9 bytes + 4 = 589,819 bytes: over the default 512 KiB, within the 768 KiB maximum.
        CorrectedGeometry longest = new CorrectedGeometry(new RampGeometry(1, 65_535, 8, 8, 1, 1), true, false);
        assertEquals("a corrected SCIENCE ramp of 65535 groups (589819 bytes) does not fit a chunk budget of 524288 "
                + "bytes", assertThrows(IllegalArgumentException.class,
                        () -> new CorrectedRampChunker().plan(longest)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SlopeChunker(ChunkBudget.MAX_BUDGET_BYTES + 1));
    }

    @Test
    void everyFullFrameSlopeChunkFitsKafka() {
        ChunkPlan<SlopeGeometry> plan = new SlopeChunker().plan(new SlopeGeometry(ProductKind.RATEINTS, 5, FrameGeometry.ROWS,
                FrameGeometry.COLUMNS, 1, 1));
        // 1,032 x 20 bytes a row: 25 rows per chunk, 41 chunks per plane.
        assertEquals(41, plan.blocksPerPlane().size());
        ChunkBlock widest = plan.blocksPerPlane().get(0);
        int bytes = widest.rows() * widest.cols() * Float.BYTES;
        SlopeChunk chunk = SlopeChunk.newBuilder().setExposure("x".repeat(200)).setProduct(ProductKind.RATEINTS)
                .setProductChecksum("f".repeat(64)).setIntegration(Integer.MAX_VALUE).setFirstRow(Integer.MAX_VALUE)
                .setRows(widest.rows()).setFirstCol(Integer.MAX_VALUE).setCols(widest.cols())
                .setChunkIndex(Integer.MAX_VALUE).setChunkCount(Integer.MAX_VALUE)
                .setSci(ByteBuffer.allocate(bytes)).setErr(ByteBuffer.allocate(bytes)).setDq(ByteBuffer.allocate(bytes))
                .setVarPoisson(ByteBuffer.allocate(bytes)).setVarRnoise(ByteBuffer.allocate(bytes)).build();
        assertTrue(AvroMessageCodec.of(SlopeChunk.class).encode(chunk).length < KAFKA_LIMIT);
    }

    /** A chunk of this block with every field at its widest, so its encoding is the largest possible. */
    private static CorrectedRampChunk largest(ChunkBlock block, int ngroups) {
        int values = block.rows() * block.cols() * ngroups;
        boolean science = block.kind() == RampKind.SCIENCE;
        return CorrectedRampChunk.newBuilder()
                .setExposure("x".repeat(200)).setProductChecksum("f".repeat(64))
                .setIntegration(1).setKind(block.kind())
                .setFirstRow(Integer.MAX_VALUE).setRows(block.rows()).setFirstCol(Integer.MAX_VALUE)
                .setCols(block.cols()).setNgroups(ngroups)
                .setChunkIndex(Integer.MAX_VALUE).setChunkCount(Integer.MAX_VALUE)
                .setSci(ByteBuffer.allocate(values * Float.BYTES))
                .setErr(science ? ByteBuffer.allocate(values * Float.BYTES) : null)
                .setGroupdq(science ? ByteBuffer.allocate(values) : null)
                .setPixeldq(science ? ByteBuffer.allocate(block.rows() * block.cols() * Integer.BYTES) : null)
                .build();
    }
}
