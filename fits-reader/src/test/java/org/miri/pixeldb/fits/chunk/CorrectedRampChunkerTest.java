package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.miri.pixeldb.fits.jwst.CorrectedGeometry;
import org.miri.pixeldb.fits.jwst.CorrectedIntegration;
import org.miri.pixeldb.fits.jwst.ExposureDescriptor;
import org.miri.pixeldb.fits.jwst.ProductLayout;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.structure.ExtensionName;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticCorrectedProduct;
import org.miri.pixeldb.fits.testing.SyntheticValues;
import org.miri.pixeldb.model.FrameGeometry;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.RampKind;

class CorrectedRampChunkerTest {

    private static final String CHECKSUM = "0".repeat(64);

    @TempDir
    Path folder;

    @Test
    void describesAndPlansTheSharedRampProduct() throws Exception {
        Path ramp = SharedExposure.file(SharedExposure.PIPE_RAMP);
        try (ProductFile product = ProductReader.open(ramp, "jpl8/" + SharedExposure.PIPE_RAMP)) {
            ExposureDescriptor descriptor = product.descriptor();
            assertEquals(SharedExposure.NAME, descriptor.name());
            assertEquals(ProductLayout.JWST_RAMP, descriptor.layout());
            assertEquals(ProductKind.RAMP, descriptor.product());
            assertEquals(Origin.JPL, descriptor.origin());
            assertFalse(product.isRaw());
            CorrectedGeometry geometry = product.corrected().geometry();
            assertEquals(new CorrectedGeometry(new RampGeometry(5, 50, 64, 72, 779, 1), true, true), geometry);
            // A science ramp is 50 x (4 SCI + 4 ERR + 1 GROUPDQ) + 4 PIXELDQ = 454 bytes, a row 32,688 bytes: 16 rows
            // fit 512 KiB. A REFOUT ramp is 200 bytes: all 64 rows of 18 columns fit.
            ChunkPlan<CorrectedGeometry> plan = new CorrectedRampChunker().plan(geometry);
            assertEquals(List.of(new ChunkBlock(RampKind.SCIENCE, 0, 16, 0, 72),
                    new ChunkBlock(RampKind.SCIENCE, 16, 16, 0, 72), new ChunkBlock(RampKind.SCIENCE, 32, 16, 0, 72),
                    new ChunkBlock(RampKind.SCIENCE, 48, 16, 0, 72), new ChunkBlock(RampKind.REFOUT, 0, 64, 0, 18)),
                    plan.blocksPerPlane());
            assertEquals(25, plan.chunkCount());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ChunkBudget.DEFAULT_BUDGET_BYTES, 8_000})
    void everyValueOfTheSharedRampProductComesBackBitForBit(int budget) throws Exception {
        Path ramp = SharedExposure.file(SharedExposure.PIPE_RAMP);
        ExpectedRamps expected = ExpectedRamps.read(ramp);
        CorrectedRampChunker chunker = new CorrectedRampChunker(budget);
        List<CorrectedRampChunk> chunks = new ArrayList<>();
        ChunkPlan<CorrectedGeometry> plan;
        try (ProductFile product = ProductReader.open(ramp, SharedExposure.PIPE_RAMP)) {
            plan = chunker.plan(product.corrected().geometry());
            chunker.chunks(product.corrected(), SharedExposure.NAME, CHECKSUM, chunks::add);
        }
        CorrectedRoundTrip.Seen seen = CorrectedRoundTrip.assertCoversExactly(plan, chunks, expected);
        assertEquals(23_040, seen.scienceRamps(), "72 x 64 pixels x 5 integrations");
        assertEquals(5_760, seen.refoutRamps(), "18 x 64 reference-output pixels x 5 integrations");
        assertEquals(4_608, seen.pixeldqValues(), "72 x 64 pixels, sent once");
        // This regenerated file has no NaN (checked with numpy too); the synthetic tests carry NaN payloads.
        assertEquals(ExpectedRamps.nans(expected.sci()), seen.sciNans());
        assertEquals(ExpectedRamps.nans(expected.err()), seen.errNans());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.getExposure().equals(SharedExposure.NAME)
                && chunk.getProductChecksum().equals(CHECKSUM)));
    }

    @Test
    void spotChecksTheSharedRampProductAgainstValuesReadWithNumpy() throws Exception {
        List<CorrectedRampChunk> chunks = sharedChunks();
        CorrectedRampChunk first = chunks.get(0);
        assertEquals(List.of(1, 779, 1, 16, 72), List.of(first.getIntegration(), first.getFirstRow(),
                first.getFirstCol(), first.getRows(), first.getCols()));
        assertEquals(802_897, FrameGeometry.pixelId(first.getFirstRow(), first.getFirstCol()), "pixel_id");
        // Pixel (row 779, col 1), integration 1: its ramp starts 0.0, 27.001457, 26.00135; first and last group
        // DO_NOT_USE.
        assertArrayEquals(new int[] {0x0, 0x41d802fc, 0x41d002c4}, floatBits(first.getSci(), 0, 3));
        assertArrayEquals(new int[] {0x40c00000, 0x40ccac61, 0x40cc37cc}, floatBits(first.getErr(), 0, 3));
        assertEquals(1, bytes(first.getGroupdq())[0]);
        assertEquals(1, bytes(first.getGroupdq())[49]);
        // Row 779, col 9, integration 1: JUMP_DET in group 1.
        assertEquals(4, bytes(first.getGroupdq())[8 * 50 + 1]);
        // PIXELDQ: HOT at row 787 col 24, WARM at row 789 col 11; DO_NOT_USE + DEAD at row 836 col 26 (4th block).
        assertEquals(2048, flag(first.getPixeldq(), 8 * 72 + 23));
        assertEquals(4096, flag(first.getPixeldq(), 10 * 72 + 10));
        assertEquals(1025, flag(chunks.get(3).getPixeldq(), 9 * 72 + 25));
        // Integration 5, group 50, row 842, col 72: the last value of the product's science.
        CorrectedRampChunk last = chunks.get(4 * 5 + 3);
        assertEquals(List.of(5, 827, 1), List.of(last.getIntegration(), last.getFirstRow(), last.getFirstCol()));
        assertNull(last.getPixeldq());
        assertArrayEquals(new int[] {0x411000aa}, floatBits(last.getSci(), (15 * 72 + 71) * 50 + 49, 1));
        // REFOUT: reference column 1, row 779, integration 1 group 1 is 20461.0; integration 3, group 11, row 784,
        // reference column 18 is 20358.0.
        CorrectedRampChunk refout = chunks.get(4);
        assertEquals(List.of(RampKind.REFOUT, 1, 779, 1, 18), List.of(refout.getKind(), refout.getIntegration(),
                refout.getFirstRow(), refout.getFirstCol(), refout.getCols()));
        assertArrayEquals(new int[] {0x469fda00}, floatBits(refout.getSci(), 0, 1));
        assertArrayEquals(new int[] {0x469f0c00}, floatBits(chunks.get(14).getSci(), (5 * 18 + 17) * 50 + 10, 1));
    }

    @Test
    void theSharedRampProductYieldsTheSameChunksInIndexOrderOnEveryRead() throws Exception {
        List<CorrectedRampChunk> chunks = sharedChunks();
        assertEquals(chunks, sharedChunks());
        for (int index = 0; index < chunks.size(); index++) {
            assertEquals(index, chunks.get(index).getChunkIndex());
        }
    }

    @Test
    void nanPayloadsAndEveryFlagBitOfASyntheticRampComeBackBitForBit() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RAMP);
        Path file = synthetic.write(folder, "synthetic_ramp.fits");
        List<CorrectedRampChunk> chunks = new ArrayList<>();
        CorrectedRampChunker chunker = new CorrectedRampChunker(ChunkBudget.MIN_BUDGET_BYTES);
        ChunkPlan<CorrectedGeometry> plan;
        try (ProductFile product = ProductReader.open(file, "synthetic_ramp.fits")) {
            plan = chunker.plan(product.corrected().geometry());
            chunker.chunks(product.corrected(), "synthetic", CHECKSUM, chunks::add);
        }
        CorrectedRoundTrip.Seen seen = CorrectedRoundTrip.assertCoversExactly(plan, chunks,
                ExpectedRamps.synthetic(synthetic));
        assertEquals(2, seen.sciNans(), "a quiet NaN with payload and a signalling NaN, bits checked");
        assertEquals(1, seen.errNans(), "a negative NaN, bits checked");
        CorrectedRampChunk first = chunks.get(0);
        // Full-frame rows 101-102, columns 5-8 are reference pixels: REFERENCE_PIXEL (bit 31) arrives as 2^31, not as
        // a negative int, alone (row 102) or with DO_NOT_USE (row 101). Row 102, column 10 has every bit set.
        assertEquals(2_147_483_649L, flag(first.getPixeldq(), 0));
        assertEquals(2_147_483_648L, flag(first.getPixeldq(), 16));
        assertEquals(0xffff_ffffL, flag(first.getPixeldq(), 16 + 5));
        assertEquals(SyntheticValues.SIGNALLING_NAN, floatBits(chunks.get(plan.chunkIndex(1, 2)).getSci(),
                ((5 - 4) * 16 + 15) * 3 + 2, 1)[0]);
    }

    @Test
    void aRampWithoutErrSendsNoErrAndCountsNoErrBytes() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RAMP)
                .without(ExtensionName.ERR);
        synthetic.ngroups = 200;
        Path file = synthetic.write(folder, "no_err_ramp.fits");
        List<CorrectedRampChunk> chunks = new ArrayList<>();
        CorrectedRampChunker chunker = new CorrectedRampChunker(ChunkBudget.MIN_BUDGET_BYTES * 3);
        ChunkPlan<CorrectedGeometry> plan;
        try (ProductFile product = ProductReader.open(file, "no_err_ramp.fits")) {
            CorrectedGeometry geometry = product.corrected().geometry();
            assertEquals(new CorrectedGeometry(new RampGeometry(2, 200, 6, 16, 101, 5), false, true), geometry);
            plan = chunker.plan(geometry);
            chunker.chunks(product.corrected(), "no_err", CHECKSUM, chunks::add);
            assertNull(product.corrected().integration(1).err(0, 1, 0, 1));
        }
        // 200 x (4 SCI + 1 GROUPDQ) + 4 PIXELDQ = 1,004 bytes: 3 ramps per 3,072-byte chunk, so rows are cut into
        // runs of at most 3 columns (16 science columns: 6 runs; 4 REFOUT columns of 800 bytes: 2 runs).
        assertEquals(1_004, CorrectedRampChunker.rampBytes(plan.geometry(), RampKind.SCIENCE));
        assertEquals(6 * 6 + 6 * 2, plan.blocksPerPlane().size());
        CorrectedRoundTrip.Seen seen = CorrectedRoundTrip.assertCoversExactly(plan, chunks,
                ExpectedRamps.synthetic(synthetic));
        assertEquals(2 * 6 * 16, seen.scienceRamps());
        assertTrue(chunks.stream().allMatch(chunk -> chunk.getErr() == null));
    }

    @Test
    void aRampWithoutRefoutHasScienceChunksOnly() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RAMP)
                .without(ExtensionName.REFOUT);
        Path file = synthetic.write(folder, "no_refout_ramp.fits");
        List<CorrectedRampChunk> chunks = new ArrayList<>();
        CorrectedRampChunker chunker = new CorrectedRampChunker();
        try (ProductFile product = ProductReader.open(file, "no_refout_ramp.fits")) {
            assertFalse(product.corrected().geometry().hasRefout());
            chunker.chunks(product.corrected(), "no_refout", CHECKSUM, chunks::add);
            ChunkPlan<CorrectedGeometry> plan = chunker.plan(product.corrected().geometry());
            assertEquals(List.of(new ChunkBlock(RampKind.SCIENCE, 0, 6, 0, 16)), plan.blocksPerPlane());
            CorrectedRoundTrip.assertCoversExactly(plan, chunks, ExpectedRamps.synthetic(synthetic));
        }
    }

    @Test
    void theReaderReturnsOnlyTheAskedBlockInFileOrder() throws Exception {
        SyntheticCorrectedProduct synthetic = new SyntheticCorrectedProduct(ProductKind.RAMP);
        Path file = synthetic.write(folder, "blocks_ramp.fits");
        try (ProductFile product = ProductReader.open(file, "blocks_ramp.fits")) {
            CorrectedIntegration second = product.corrected().integration(2);
            ByteBuffer sci = ByteBuffer.wrap(second.sci(1, 3, 5, 4));
            ByteBuffer groupdq = ByteBuffer.wrap(second.groupdq(1, 3, 5, 4));
            ByteBuffer refout = ByteBuffer.wrap(second.refout(2, 2, 1, 3));
            for (int g = 0; g < 3; g++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        int at = (g * 3 + y) * 4 + x;
                        assertEquals(Float.floatToRawIntBits(SyntheticValues.sci(2, g, y + 1, x + 5)),
                                sci.getInt(at * Float.BYTES));
                        assertEquals(SyntheticValues.groupdq(2, g, y + 1, x + 5), groupdq.get(at));
                    }
                }
                for (int y = 0; y < 2; y++) {
                    for (int j = 0; j < 3; j++) {
                        assertEquals(Float.floatToRawIntBits(SyntheticValues.refout(2, g, y + 2, j + 1)),
                                refout.getInt(((g * 2 + y) * 3 + j) * Float.BYTES));
                    }
                }
            }
            assertEquals(SyntheticValues.REFERENCE_PIXEL,
                    Integer.toUnsignedLong(ByteBuffer.wrap(second.pixeldq(3, 1, 2, 1)).getInt()));
        }
    }

    private static List<CorrectedRampChunk> sharedChunks() throws Exception {
        Path ramp = SharedExposure.file(SharedExposure.PIPE_RAMP);
        List<CorrectedRampChunk> chunks = new ArrayList<>();
        try (ProductFile product = ProductReader.open(ramp, SharedExposure.PIPE_RAMP)) {
            new CorrectedRampChunker().chunks(product.corrected(), SharedExposure.NAME, CHECKSUM, chunks::add);
        }
        return chunks;
    }

    private static byte[] bytes(ByteBuffer field) {
        byte[] bytes = new byte[field.remaining()];
        field.duplicate().get(bytes);
        return bytes;
    }

    private static int[] floatBits(ByteBuffer field, int firstValue, int count) {
        ByteBuffer values = ByteBuffer.wrap(bytes(field));
        int[] bits = new int[count];
        for (int k = 0; k < count; k++) {
            bits[k] = values.getInt((firstValue + k) * Float.BYTES);
        }
        return bits;
    }

    private static long flag(ByteBuffer pixeldq, int pixel) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(bytes(pixeldq)).getInt(pixel * Integer.BYTES));
    }
}
