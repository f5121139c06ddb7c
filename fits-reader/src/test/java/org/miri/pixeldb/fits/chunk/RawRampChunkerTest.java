package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.testing.IndependentRead;
import org.miri.pixeldb.fits.testing.SharedExposure;
import org.miri.pixeldb.fits.testing.SyntheticExposure;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

class RawRampChunkerTest {

    private static final String CHECKSUM = "0".repeat(64);

    @TempDir
    Path folder;

    @Test
    void plansTheSharedSub64ExposureAsOneScienceAndOneRefoutChunkPerIntegration() {
        ChunkPlan<RampGeometry> plan = new RawRampChunker().plan(new RampGeometry(5, 50, 64, 72, 779, 1));
        assertEquals(List.of(new ChunkBlock(RampKind.SCIENCE, 0, 64, 0, 72),
                new ChunkBlock(RampKind.REFOUT, 0, 64, 0, 18)), plan.blocksPerPlane());
        assertEquals(10, plan.chunkCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {ChunkBudget.DEFAULT_BUDGET_BYTES, 8_000, ChunkBudget.MIN_BUDGET_BYTES})
    void everySampleOfTheSharedPipeFileComesBackFromItsChunks(int budget) throws Exception {
        Path pipe = SharedExposure.file(SharedExposure.PIPE);
        int[][][][] sci = IndependentRead.extension(pipe, "SCI");
        int[][][][] ref = IndependentRead.extension(pipe, "REFOUT");
        RawRampChunker chunker = new RawRampChunker(budget);
        RawChunkCollector collected = new RawChunkCollector();
        ChunkPlan<RampGeometry> plan;
        try (ProductFile product = ProductReader.open(pipe, SharedExposure.PIPE)) {
            plan = chunker.plan(product.raw().geometry());
            chunker.chunks(product.raw(), SharedExposure.NAME, CHECKSUM, collected);
        }
        RawChunkRoundTrip.assertCoversExactly(plan, collected.chunks, (i, kind, y, x, g) ->
                kind == RampKind.SCIENCE ? sci[i - 1][g][y][x] : ref[i - 1][g][y][x]);
    }

    @ParameterizedTest
    @EnumSource(SyntheticExposure.Layout.class)
    void syntheticExposuresCutIntoColumnRunsComeBackSampleForSample(SyntheticExposure.Layout layout) throws Exception {
        SyntheticExposure exposure = new SyntheticExposure(layout);
        exposure.ngroups = 200;
        Path file = exposure.write(folder, "long_ramps_uncal.fits");
        RawRampChunker chunker = new RawRampChunker(ChunkBudget.MIN_BUDGET_BYTES * 3);
        RawChunkCollector collected = new RawChunkCollector();
        ChunkPlan<RampGeometry> plan;
        try (ProductFile product = ProductReader.open(file, "long_ramps_uncal.fits")) {
            plan = chunker.plan(product.raw().geometry());
            chunker.chunks(product.raw(), "long_ramps", CHECKSUM, collected);
        }
        // A 200-group ramp is 400 bytes: 7 fit the budget, so each row is cut into runs of 6 or 7 columns
        // (72 science columns: 11 runs; 18 REFOUT columns: 3 runs), 8 rows each.
        assertEquals(8 * 11 + 8 * 3, plan.blocksPerPlane().size());
        assertTrue(plan.blocksPerPlane().stream().allMatch(block -> block.rows() == 1 && block.cols() <= 7));
        RawChunkRoundTrip.assertCoversExactly(plan, collected.chunks, (i, kind, y, x, g) -> kind == RampKind.SCIENCE
                ? SyntheticExposure.science(i, g, y, x) : SyntheticExposure.refout(i, g, y, x));
    }

    @Test
    void theSameFileAlwaysYieldsTheSameChunksInIndexOrder() throws Exception {
        Path file = new SyntheticExposure(SyntheticExposure.Layout.JPL).write(folder, "again.fits");
        RawRampChunker chunker = new RawRampChunker(ChunkBudget.MIN_BUDGET_BYTES);
        RawChunkCollector first = new RawChunkCollector();
        RawChunkCollector second = new RawChunkCollector();
        try (ProductFile product = ProductReader.open(file, "again.fits")) {
            chunker.chunks(product.raw(), "again", CHECKSUM, first);
            chunker.chunks(product.raw(), "again", CHECKSUM, second);
            assertEquals(first.chunks, second.chunks);
            for (int index = 0; index < first.chunks.size(); index++) {
                assertEquals(index, first.chunks.get(index).getChunkIndex());
            }
        }
    }

    @Test
    void splitsRowsIntoBalancedRuns() {
        int[] runs = PlaneCutter.balanced(1024, 12);
        assertEquals(86, runs.length);
        assertEquals(1024, java.util.Arrays.stream(runs).sum());
        assertTrue(java.util.Arrays.stream(runs).allMatch(run -> run == 11 || run == 12));
    }

    @Test
    void refusesABudgetThatCouldBreakKafkasLimitOrHoldNoRamp() {
        assertThrows(IllegalArgumentException.class, () -> new RawRampChunker(ChunkBudget.MAX_BUDGET_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> new RawRampChunker(ChunkBudget.MIN_BUDGET_BYTES - 1));
        RawRampChunker small = new RawRampChunker(ChunkBudget.MIN_BUDGET_BYTES);
        assertThrows(IllegalArgumentException.class, () -> small.plan(new RampGeometry(1, 513, 8, 8, 1, 1)));
    }
}
