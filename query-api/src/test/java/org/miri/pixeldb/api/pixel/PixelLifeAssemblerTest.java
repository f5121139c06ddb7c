package org.miri.pixeldb.api.pixel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.api.dq.DqCatalogTest;
import org.miri.pixeldb.api.exposure.ExposureFilter;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.param.Span;

class PixelLifeAssemblerTest {

    private static final ExposureSummary EXPOSURE = new ExposureSummary(1, "E", "MIRIMAGE", 493, "SUB64", 1, 779, 72,
            64, "FAST", 2, 3, 1, 1.0, 1.0, null, null, null, "JPL", List.of("RAMP"));

    private static PixelQuery query(long any, long none) {
        return new PixelQuery(493, "MIRIMAGE", 779, 1, new ExposureFilter(null, null, null, null, null, null, null,
                List.of()), new Span(1, 65535), PixelQuery.PARTS, any, none, null, 100);
    }

    private static PixelSamples samples() {
        PixelSamples samples = new PixelSamples();
        samples.pixeldq(1, ByteBuffer.allocate(4).putInt(0).array());
        samples.corrected(1, 1, new PixelSamples.Corrected(floats(1, 2, 3), null, new byte[] {0, 4, 4}));
        samples.corrected(1, 2, new PixelSamples.Corrected(floats(4, 5, 6), null, new byte[] {1, 0, 0}));
        return samples;
    }

    private static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    @Test
    void decodesRampsAndNamesEachGroupsFlags() {
        List<PixelLife.Exposure> life = new PixelLifeAssembler(DqCatalogTest.catalog()).assemble(query(0, 0),
                List.of(EXPOSURE), samples());
        PixelLife.CorrectedRamp first = life.get(0).corrected().get(0);
        assertEquals(List.of(List.of(), List.of("JUMP_DET"), List.of("JUMP_DET")), first.groupdqFlags());
        assertEquals(3.0f, first.sci()[2]);
        assertEquals(0L, life.get(0).pixeldq());
    }

    @Test
    void flagFiltersKeepIntegrationsAndDropExposuresLeftEmpty() {
        PixelLifeAssembler assembler = new PixelLifeAssembler(DqCatalogTest.catalog());
        List<PixelLife.Exposure> jumps = assembler.assemble(query(4, 0), List.of(EXPOSURE), samples());
        assertEquals(List.of(1), jumps.get(0).corrected().stream().map(PixelLife.CorrectedRamp::integration).toList());
        List<PixelLife.Exposure> clean = assembler.assemble(query(0, 5), List.of(EXPOSURE), samples());
        assertEquals(List.of(), clean);
        assertEquals(Set.of(2), Set.copyOf(assembler.assemble(query(0, 4), List.of(EXPOSURE), samples()).get(0)
                .corrected().stream().map(PixelLife.CorrectedRamp::integration).toList()));
    }
}
