package org.miri.pixeldb.fits.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miri.pixeldb.schemas.RampKind;

class ChunkPlanTest {

    private static final List<ChunkBlock> BLOCKS = List.of(new ChunkBlock(RampKind.SCIENCE, 0, 2, 0, 4),
            new ChunkBlock(RampKind.SCIENCE, 2, 2, 0, 4), new ChunkBlock(RampKind.REFOUT, 0, 4, 0, 1));

    @Test
    void emitsEveryBlockOfEveryPlaneInIndexOrderOpeningEachPlaneOnce() throws Exception {
        ChunkPlan<String> plan = new ChunkPlan<>("geometry", 3, BLOCKS);
        List<Integer> opened = new ArrayList<>();
        List<String> chunks = new ArrayList<>();
        plan.emit(new ChunkSource<Integer, String>() {
            @Override
            public Integer plane(int plane) {
                opened.add(plane);
                return plane + 1;
            }

            @Override
            public String chunk(Integer integration, ChunkBlock block, int chunkIndex) {
                return chunkIndex + ":" + integration + ":" + block.kind() + "@" + block.y0();
            }
        }, chunks::add);
        assertEquals(List.of(0, 1, 2), opened);
        assertEquals(List.of("0:1:SCIENCE@0", "1:1:SCIENCE@2", "2:1:REFOUT@0", "3:2:SCIENCE@0", "4:2:SCIENCE@2",
                "5:2:REFOUT@0", "6:3:SCIENCE@0", "7:3:SCIENCE@2", "8:3:REFOUT@0"), chunks);
        assertEquals(9, plan.chunkCount());
        assertEquals(7, plan.chunkIndex(2, 1));
    }

    @Test
    void aChunkCountBeyondAnIntIsRefusedNotWrapped() {
        ChunkPlan<String> plan = new ChunkPlan<>("geometry", Integer.MAX_VALUE, BLOCKS);
        assertThrows(ArithmeticException.class, plan::chunkCount);
    }
}
