package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        // Every chunk is checked before the first row is written.
        Map<String, RawProduct> products = new LinkedHashMap<>();
        Map<String, Map<Integer, RawRampChunk>> byProduct = new LinkedHashMap<>();
        for (RawRampChunk chunk : chunks) {
            String key = chunk.getExposure() + "/" + chunk.getProductChecksum();
            RawProduct product = products.get(key);
            if (product == null) {
                product = productTable.findRaw(connection, chunk.getExposure(), chunk.getProductChecksum())
                        .orElseThrow(() -> new ProductNotYetKnownException(chunk.getExposure(), chunk.getProductChecksum()));
            }
            RawChunkCheck.check(product, chunk);
            // Later chunks of the batch must agree with the first on the chunk count.
            products.put(key, new RawProduct(product.id(), product.exposure(), product.shape(), chunk.getChunkCount()));
            byProduct.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(chunk.getChunkIndex(), chunk);
        }
        int loaded = 0;
        long ramps = 0;
        List<String> completed = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, RawRampChunk>> entry : byProduct.entrySet()) {
            RawProduct product = products.get(entry.getKey());
            List<RawRampChunk> fresh = claim(connection, product, entry.getValue());
            RampStripTable.RAW_SCIENCE.copy(connection, product.id(), of(fresh, RampKind.SCIENCE));
            RampStripTable.RAW_REFOUT.copy(connection, product.id(), of(fresh, RampKind.REFOUT));
            loaded += fresh.size();
            ramps += fresh.stream().mapToLong(c -> (long) c.getRows() * c.getCols()).sum();
            if (!fresh.isEmpty()) {
                int chunkCount = fresh.get(0).getChunkCount();
                boolean complete = productTable.addLoadedChunks(connection, product.id(), chunkCount, fresh.size())
                        .orElseThrow(() -> new MalformedChunkException(product.exposure(),
                                fresh.get(0).getChunkIndex(), "chunk count " + chunkCount + " contradicts earlier chunks"));
                if (complete) {
                    completed.add(product.exposure());
                }
            }
        }
        return new RawLoadReport(loaded, byProduct.values().stream().mapToInt(Map::size).sum() - loaded, ramps,
                completed);
    }

    private List<RawRampChunk> claim(Connection connection, RawProduct product, Map<Integer, RawRampChunk> chunks)
            throws SQLException {
        Integer[] ramps = chunks.values().stream().map(c -> c.getRows() * c.getCols()).toArray(Integer[]::new);
        Set<Integer> claimed = ledger.claim(connection, product.id(), chunks.keySet().toArray(Integer[]::new), ramps);
        return chunks.values().stream().filter(c -> claimed.contains(c.getChunkIndex())).toList();
    }

    private static List<RawRampChunk> of(List<RawRampChunk> chunks, RampKind kind) {
        return chunks.stream().filter(c -> c.getKind() == kind).toList();
    }
}
