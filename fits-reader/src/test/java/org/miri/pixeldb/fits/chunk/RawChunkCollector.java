package org.miri.pixeldb.fits.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.miri.pixeldb.schemas.RawRampChunk;

/** Collects the chunker's output and unpacks samples the way a writer would. */
final class RawChunkCollector implements MessageSink<RawRampChunk> {

    final List<RawRampChunk> chunks = new ArrayList<>();

    @Override
    public void accept(RawRampChunk chunk) {
        chunks.add(chunk);
    }

    static byte[] bytes(RawRampChunk chunk) {
        ByteBuffer buffer = chunk.getSamples().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Sample {@code group} of the ramp at chunk row {@code row}, column {@code col}. */
    static int sample(RawRampChunk chunk, byte[] bytes, int row, int col, int group) {
        return RawRampPacking.sample(bytes, chunk.getCols(), chunk.getNgroups(), row, col, group);
    }
}
