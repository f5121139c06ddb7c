package org.miri.pixeldb.fits.chunk;

import java.io.IOException;
import org.miri.pixeldb.fits.jwst.RampGeometry;
import org.miri.pixeldb.fits.jwst.RawExposureReader;
import org.miri.pixeldb.fits.jwst.RawIntegration;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Turns the integrations of a raw product into {@link RawRampChunk} messages, each carrying at most a byte budget of
 * samples so that a message stays far below Kafka's 1 MB limit for any subarray and group count. Reads one block at a
 * time: memory stays about one budget per chunk in flight.
 */
public final class RawRampChunker {

    public static final int DEFAULT_BUDGET_BYTES = 512 * 1024;
    /** With at most this many sample bytes and ~150 bytes of other fields, a message stays under 1,000,000 bytes. */
    public static final int MAX_BUDGET_BYTES = 768 * 1024;
    public static final int MIN_BUDGET_BYTES = 1024;

    private final int budgetBytes;

    public RawRampChunker() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public RawRampChunker(int budgetBytes) {
        if (budgetBytes < MIN_BUDGET_BYTES || budgetBytes > MAX_BUDGET_BYTES) {
            throw new IllegalArgumentException("chunk budget " + budgetBytes + " bytes is outside "
                    + MIN_BUDGET_BYTES + ".." + MAX_BUDGET_BYTES);
        }
        this.budgetBytes = budgetBytes;
    }

    /** The plan for a geometry, computed before any data is read. */
    public RawChunkPlan plan(RampGeometry geometry) {
        return RawChunkPlan.of(geometry, budgetBytes);
    }

    /** Every chunk of the product, in index order, integration after integration. */
    public void chunks(RawExposureReader reader, String exposure, String productChecksum, RawChunkSink sink)
            throws IOException {
        RawChunkPlan plan = plan(reader.geometry());
        RawChunkBuilder builder = new RawChunkBuilder(plan, exposure, productChecksum);
        // One integration in memory at a time, however many the exposure has.
        for (int number = 1; number <= reader.geometry().nints(); number++) {
            RawIntegration integration = reader.integration(number);
            for (int block = 0; block < plan.blocksPerIntegration().size(); block++) {
                sink.accept(builder.build(integration, block));
            }
        }
    }

    /** The chunk with one index, e.g. to resend what a writer's ledger lacks. */
    public RawRampChunk chunk(RawExposureReader reader, String exposure, String productChecksum, int chunkIndex)
            throws IOException {
        RawChunkPlan plan = plan(reader.geometry());
        if (chunkIndex < 0 || chunkIndex >= plan.chunkCount()) {
            throw new IllegalArgumentException("chunk " + chunkIndex + " is not in 0.." + (plan.chunkCount() - 1));
        }
        int perIntegration = plan.blocksPerIntegration().size();
        return new RawChunkBuilder(plan, exposure, productChecksum)
                .build(reader.integration(chunkIndex / perIntegration + 1), chunkIndex % perIntegration);
    }
}
