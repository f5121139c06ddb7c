package org.miri.pixeldb.splitter.fits;

/**
 * The payload budget of a corrected or slope chunk: the same bounds as the raw chunks' ({@link RampChunker}), which
 * keep a message under Kafka's 1 MB default with room for the other fields (about 300 bytes at most).
 */
final class ChunkBudget {

    private ChunkBudget() {
    }

    static int require(int budgetBytes) {
        if (budgetBytes < RampChunker.MIN_BUDGET_BYTES || budgetBytes > RampChunker.MAX_BUDGET_BYTES) {
            throw new IllegalArgumentException("chunk budget " + budgetBytes + " bytes is outside "
                    + RampChunker.MIN_BUDGET_BYTES + ".." + RampChunker.MAX_BUDGET_BYTES);
        }
        return budgetBytes;
    }
}
