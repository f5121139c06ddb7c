package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.jwst.SlopeGeometry;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.SlopeChunk;

class SlopeChunkerTest {

    private static final String CHECKSUM = "0".repeat(64);

    @TempDir
    Path folder;

    @Test
    void describesAndPlansTheSharedRateintsProduct() throws Exception {
        Path file = SharedExposure.file(SharedExposure.PIPE_RATEINTS);
        try (ProductFile product = ProductReader.open(file, "jpl8/" + SharedExposure.PIPE_RATEINTS)) {
            assertEquals(SharedExposure.NAME, product.descriptor().name());
            assertEquals(ProductKind.RATEINTS, product.descriptor().product());
            SlopeGeometry geometry = product.slopes().geometry();
            assertEquals(new SlopeGeometry(ProductKind.RATEINTS, 5, 64, 72, 779, 1), geometry);
            assertEquals(List.of(1, 2, 3, 4, 5), geometry.integrations());
            // 20 bytes per pixel, 1,440 per row: a whole 64-row plane fits one chunk.
            ChunkPlan<SlopeGeometry> plan = new SlopeChunker().plan(geometry);
            assertEquals(List.of(new ChunkBlock(RampKind.SCIENCE, 0, 64, 0, 72)), plan.blocksPerPlane());
            assertEquals(5, plan.chunkCount());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ChunkBudget.DEFAULT_BUDGET_BYTES, ChunkBudget.MIN_BUDGET_BYTES})
    void everySlopeOfTheSharedRateintsProductComesBackBitForBit(int budget) throws Exception {
        Path file = SharedExposure.file(SharedExposure.PIPE_RATEINTS);
        ExpectedSlopes expected = ExpectedSlopes.read(file, ProductKind.RATEINTS);
        SlopeChunker chunker = new SlopeChunker(budget);
        List<SlopeChunk> chunks = new ArrayList<>();
        ChunkPlan<SlopeGeometry> plan;
        try (ProductFile product = ProductReader.open(file, SharedExposure.PIPE_RATEINTS)) {
            plan = chunker.plan(product.slopes().geometry());
            chunker.chunks(product.slopes(), SharedExposure.NAME, CHECKSUM, chunks::add);
        }
        SlopeRoundTrip.Seen seen = SlopeRoundTrip.assertCoversExactly(plan, chunks, expected);
        assertEquals(23_040, seen.slopes(), "72 x 64 pixels x 5 integrations");
        assertEquals(1_280, seen.referencePixelFlags(), "REFERENCE_PIXEL (bit 31) on columns 1-4: 4 x 64 x 5");
        assertEquals(0, seen.sciNans(), "the pipeline wrote no NaN slope in this file (numpy agrees)");
    }

    @Test
    void spotChecksTheSharedRateintsProductAgainstValuesReadWithNumpy() throws Exception {
        Path file = SharedExposure.file(SharedExposure.PIPE_RATEINTS);
        List<SlopeChunk> chunks = new ArrayList<>();
        try (ProductFile product = ProductReader.open(file, SharedExposure.PIPE_RATEINTS)) {
            new SlopeChunker().chunks(product.slopes(), SharedExposure.NAME, CHECKSUM, chunks::add);
        }
        SlopeChunk first = chunks.get(0);
        assertEquals(List.of(1, 779, 1), List.of(first.getIntegration(), first.getFirstRow(), first.getFirstCol()));
        // Row 779, col 1 (pixel_id 802897) is a reference pixel: slope 0.0, DQ REFERENCE_PIXEL = 2^31.
        assertEquals(0, word(first.getSci(), 0));
        assertEquals(2_147_483_648L, Integer.toUnsignedLong(word(first.getDq(), 0)));
        // Row 779, col 5: 17.28595 DN/s +- 86.67753, DO_NOT_USE + UNRELIABLE_SLOPE.
        assertEquals(0x418a49a0, word(first.getSci(), 4));
        assertEquals(0x42ad5ae5, word(first.getErr(), 4));
        assertEquals(16_777_217, word(first.getDq(), 4));
        // Integration 4, row 818, col 5: DO_NOT_USE + JUMP_DET + UNRELIABLE_SLOPE.
        assertEquals(16_777_221, word(chunks.get(3).getDq(), 39 * 72 + 4));
        // Integration 5, row 842, col 72: 1.3218652 DN/s, good.
        assertEquals(0x3fa932e1, word(chunks.get(4).getSci(), 63 * 72 + 71));
        assertEquals(0, word(chunks.get(4).getDq(), 63 * 72 + 71));
    }

    @Test
    void aSyntheticRateProductIsOnePlaneWithIntegrationZero() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RATE);
        Path file = synthetic.write(folder, "synthetic_rate.fits");
        SlopeChunker chunker = new SlopeChunker(ChunkBudget.MIN_BUDGET_BYTES);
        List<SlopeChunk> chunks = new ArrayList<>();
        try (ProductFile product = ProductReader.open(file, "drop/synthetic_rate.fits")) {
            assertEquals(ProductLayout.JWST_RATE, product.descriptor().layout());
            SlopeGeometry geometry = product.slopes().geometry();
            assertEquals(new SlopeGeometry(ProductKind.RATE, 1, 6, 16, 101, 5), geometry);
            assertEquals(List.of(0), geometry.integrations());
            ChunkPlan<SlopeGeometry> plan = chunker.plan(geometry);
            // 16 columns x 20 bytes = 320 bytes a row: 3 rows per 1,024-byte chunk, 2 chunks.
            assertEquals(2, plan.chunkCount());
            chunker.chunks(product.slopes(), "synthetic", CHECKSUM, chunks::add);
            SlopeRoundTrip.Seen seen = SlopeRoundTrip.assertCoversExactly(plan, chunks,
                    ExpectedSlopes.synthetic(synthetic));
            assertEquals(6 * 16, seen.slopes());
            assertEquals(6 * 4 + 1, seen.referencePixelFlags(), "reference columns, and the pixel with every bit");
            assertEquals(1, seen.sciNans(), "a NaN with payload, bits checked");
            assertEquals(List.of(0, 0), chunks.stream().map(SlopeChunk::getIntegration).toList());
            assertEquals(List.of(ProductKind.RATE, ProductKind.RATE),
                    chunks.stream().map(SlopeChunk::getProduct).toList());
            assertEquals(List.of(0, 1), chunks.stream().map(SlopeChunk::getChunkIndex).toList());
            assertThrows(IllegalArgumentException.class, () -> product.slopes().block(1, 0, 1, 0, 1));
        }
    }

    @Test
    void aSyntheticRateintsProductKeepsEveryBit() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RATEINTS);
        synthetic.nints = 3;
        Path file = synthetic.write(folder, "synthetic_rateints.fits");
        SlopeChunker chunker = new SlopeChunker(ChunkBudget.MIN_BUDGET_BYTES);
        List<SlopeChunk> chunks = new ArrayList<>();
        try (ProductFile product = ProductReader.open(file, "synthetic_rateints.fits")) {
            ChunkPlan<SlopeGeometry> plan = chunker.plan(product.slopes().geometry());
            chunker.chunks(product.slopes(), "synthetic", CHECKSUM, chunks::add);
            SlopeRoundTrip.Seen seen = SlopeRoundTrip.assertCoversExactly(plan, chunks,
                    ExpectedSlopes.synthetic(synthetic));
            assertEquals(3 * 6 * 16, seen.slopes());
            assertEquals(List.of(1, 1, 2, 2, 3, 3), chunks.stream().map(SlopeChunk::getIntegration).toList());
            // Row 104, column 14 (array [3][9]) has every DQ bit set.
            assertEquals(0xffff_ffffL, Integer.toUnsignedLong(word(chunks.get(1).getDq(), 0 * 16 + 9)));
        }
    }

    private static int word(ByteBuffer field, int value) {
        return field.duplicate().getInt(field.position() + value * Integer.BYTES);
    }
}
