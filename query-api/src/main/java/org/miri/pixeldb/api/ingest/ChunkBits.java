package org.miri.pixeldb.api.ingest;

import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * The acknowledged chunk indexes of a product version as a bit set in the status record: a chunk
 * acknowledged twice (a writer's replay, a rebalance) sets the same bit, so nothing is counted twice.
 */
final class ChunkBits {

    private ChunkBits() {
    }

    static BitSet read(ByteBuffer bytes) {
        return BitSet.valueOf(bytes.duplicate());
    }

    static ByteBuffer write(BitSet bits) {
        return ByteBuffer.wrap(bits.toByteArray());
    }
}
