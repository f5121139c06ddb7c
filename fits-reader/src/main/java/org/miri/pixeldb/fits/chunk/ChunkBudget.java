package org.miri.pixeldb.fits.chunk;

/**
 * The payload budget of a corrected or slope chunk: the same bounds as the raw chunks' ({@link RawRampChunker}), which
 * keep a message under Kafka's 1 MB default with room for the other fields (about 300 bytes at most).
 */
final class ChunkBudget {

    private ChunkBudget() {
    }

    static int require(int budgetBytes) {
        if (budgetBytes < RawRampChunker.MIN_BUDGET_BYTES || budgetBytes > RawRampChunker.MAX_BUDGET_BYTES) {
            throw new IllegalArgumentException("chunk budget " + budgetBytes + " bytes is outside "
                    + RawRampChunker.MIN_BUDGET_BYTES + ".." + RawRampChunker.MAX_BUDGET_BYTES);
        }
        return budgetBytes;
    }
}
