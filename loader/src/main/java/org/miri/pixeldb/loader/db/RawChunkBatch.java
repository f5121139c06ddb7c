package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * The chunks of one write, grouped by product version, each checked against its product and
 * duplicates within the batch dropped, before the first row is written.
 */
record RawChunkBatch(RawProduct product, List<RawRampChunk> chunks) {

    static List<RawChunkBatch> resolve(Connection connection, ProductTable productTable, List<RawRampChunk> chunks)
            throws SQLException, LoadException {
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
        List<RawChunkBatch> batches = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, RawRampChunk>> entry : byProduct.entrySet()) {
            batches.add(new RawChunkBatch(products.get(entry.getKey()), List.copyOf(entry.getValue().values())));
        }
        return batches;
    }

    int chunkCount() {
        return product.chunkCount();
    }
}
