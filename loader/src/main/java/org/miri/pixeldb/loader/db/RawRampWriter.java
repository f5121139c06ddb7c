package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Stores raw ramp chunks in the caller's transaction: chunks already in the ledger are skipped, the
 * others are claimed in the ledger and copied into the strip tables with binary COPY, and the
 * product's progress is counted. The caller commits; on any exception it must roll back.
 */
public final class RawRampWriter {

    private final ProductTable productTable = new ProductTable();
    private final ChunkLedger ledger = new ChunkLedger();

    /**
     * @throws ProductNotYetKnownException retryable: a chunk's Exposure record has not been loaded yet
     * @throws MalformedChunkException a chunk contradicts its exposure; nothing of the batch was written
     */
    public RawLoadReport write(Connection connection, List<RawRampChunk> chunks) throws SQLException, LoadException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("RawRampWriter needs the caller's transaction: autocommit is on");
        }
        List<RawChunkBatch> batches = RawChunkBatch.resolve(connection, productTable, chunks);
        int loaded = 0;
        int skipped = 0;
        long ramps = 0;
        List<String> completed = new ArrayList<>();
        for (RawChunkBatch batch : batches) {
            RawProduct product = batch.product();
            List<RawRampChunk> fresh = claim(connection, batch);
            RampStripTable.RAW_SCIENCE.copy(connection, product.id(), of(fresh, RampKind.SCIENCE));
            RampStripTable.RAW_REFOUT.copy(connection, product.id(), of(fresh, RampKind.REFOUT));
            loaded += fresh.size();
            skipped += batch.chunks().size() - fresh.size();
            ramps += fresh.stream().mapToLong(c -> (long) c.getRows() * c.getCols()).sum();
            if (!fresh.isEmpty()) {
                boolean complete = productTable.addLoadedChunks(connection, product.id(), batch.chunkCount(),
                        fresh.size()).orElseThrow(() -> new MalformedChunkException(product.exposure(),
                        fresh.get(0).getChunkIndex(), "chunk count " + batch.chunkCount() + " contradicts earlier chunks"));
                if (complete) {
                    completed.add(product.exposure());
                }
            }
        }
        return new RawLoadReport(loaded, skipped, ramps, completed);
    }

    private List<RawRampChunk> claim(Connection connection, RawChunkBatch batch) throws SQLException {
        Integer[] indices = batch.chunks().stream().map(RawRampChunk::getChunkIndex).toArray(Integer[]::new);
        Integer[] ramps = batch.chunks().stream().map(c -> c.getRows() * c.getCols()).toArray(Integer[]::new);
        Set<Integer> claimed = ledger.claim(connection, batch.product().id(), indices, ramps);
        return batch.chunks().stream().filter(c -> claimed.contains(c.getChunkIndex())).toList();
    }

    private static List<RawRampChunk> of(List<RawRampChunk> chunks, RampKind kind) {
        return chunks.stream().filter(c -> c.getKind() == kind).toList();
    }
}
