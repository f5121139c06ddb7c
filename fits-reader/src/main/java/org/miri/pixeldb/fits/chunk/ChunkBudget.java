package org.miri.pixeldb.fits.chunk;

/**
 * The payload budget of a chunk message, the same for every product: with at most {@link #MAX_BUDGET_BYTES} of
 * payload and a few hundred bytes of other fields, a message stays under Kafka's 1 MB default.
 */
public final class ChunkBudget {

    public static final int DEFAULT_BUDGET_BYTES = 512 * 1024;
    public static final int MAX_BUDGET_BYTES = 768 * 1024;
    public static final int MIN_BUDGET_BYTES = 1024;

    private ChunkBudget() {
    }

    static int require(int budgetBytes) {
        if (budgetBytes < MIN_BUDGET_BYTES || budgetBytes > MAX_BUDGET_BYTES) {
            throw new IllegalArgumentException("chunk budget " + budgetBytes + " bytes is outside "
                    + MIN_BUDGET_BYTES + ".." + MAX_BUDGET_BYTES);
        }
        return budgetBytes;
    }

    /** @throws IllegalArgumentException when not even one ramp (or pixel) of {@code what} fits the budget */
    static int fitting(int unitBytes, int budgetBytes, String what) {
        if (unitBytes > budgetBytes) {
            throw new IllegalArgumentException(what + " (" + unitBytes + " bytes) does not fit a chunk budget of "
                    + budgetBytes + " bytes");
        }
        return unitBytes;
    }
}
