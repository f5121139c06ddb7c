package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.RawRampChunk;
import org.miri.pixeldb.schemas.SlopeChunk;

/**
 * Stores chunks in the caller's transaction: every chunk is checked against its product version first,
 * chunks already in the ledger are skipped, the others are claimed and copied with binary COPY, the
 * product's progress is counted, and a product whose last chunk arrived is promoted. The caller
 * commits; on any exception it must roll back.
 */
public final class ChunkWriter<T> {

    private final ChunkFormat<T> format;
    private final ProductTable products = new ProductTable();
    private final ChunkLedger ledger = new ChunkLedger();
    private final RowChecks rowChecks = new RowChecks();
    private final ProductPromotion promotion;

    public ChunkWriter(ChunkFormat<T> format) {
        this.format = format;
        this.promotion = new ProductPromotion(format.tables());
    }

    public static ChunkWriter<RawRampChunk> rawRamps() {
        return new ChunkWriter<>(new RawRampFormat());
    }

    public static ChunkWriter<CorrectedRampChunk> correctedRamps() {
        return new ChunkWriter<>(new CorrectedRampFormat());
    }

    public static ChunkWriter<SlopeChunk> slopes() {
        return new ChunkWriter<>(new SlopeFormat());
    }

    /**
     * @throws ProductNotYetKnownException retryable: a chunk's Exposure record has not been loaded yet
     * @throws MalformedChunkException a chunk contradicts its product; the caller must roll back what this call wrote
     */
    public LoadReport write(Connection connection, List<T> chunks) throws SQLException, LoadException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("ChunkWriter needs the caller's transaction: autocommit is on");
        }
        Map<ProductVersion, List<T>> batches = resolve(connection, chunks);
        int loaded = 0;
        long ramps = 0;
        List<ProductVersion> complete = new ArrayList<>();
        List<HeldChunks> held = new ArrayList<>();
        // Rows are locked in one order in every writer instance: the products' by id (resolve), then their
        // exposures' (the promotions). In arrival order, two instances loading chunks of the same products
        // deadlocked (2026-12-06).
        for (Map.Entry<ProductVersion, List<T>> batch : batches.entrySet()) {
            ProductVersion product = batch.getKey();
            held.add(held(product, batch.getValue()));
            List<T> fresh = claim(connection, product, batch.getValue());
            if (fresh.isEmpty()) {
                continue;
            }
            // The ledger rows just claimed hold the product row: the strips' own key checks would only repeat that.
            rowChecks.skippedDuring(connection, () -> format.copy(connection, product.id(), fresh));
            loaded += fresh.size();
            ramps += fresh.stream().mapToLong(format::ramps).sum();
            boolean last = products.addLoadedChunks(connection, product.id(), product.chunkCount(), fresh.size())
                    .orElseThrow(() -> new MalformedChunkException(product, format.chunkIndex(fresh.get(0)),
                            "chunk count " + product.chunkCount() + " contradicts earlier chunks"));
            if (last) {
                complete.add(product);
            }
        }
        complete.sort(Comparator.comparing(ProductVersion::exposure).thenComparingInt(ProductVersion::id));
        List<CompletedProduct> completed = new ArrayList<>();
        for (ProductVersion product : complete) {
            completed.add(promotion.promote(connection, product));
        }
        return new LoadReport(loaded, chunks.size() - loaded, ramps, completed, held);
    }

    private HeldChunks held(ProductVersion product, List<T> chunks) {
        return new HeldChunks(product.exposure(), product.kind(), product.checksum(), product.chunkCount(),
                chunks.stream().map(format::chunkIndex).toList(), chunks.stream().map(format::ramps).toList());
    }

    /**
     * The chunks, all of one product version, as held although this writer stores none of them: the database
     * holds their values as another object's version, which this one was found identical to.
     */
    public HeldChunks heldElsewhere(List<T> chunks) {
        Map<Integer, T> byIndex = new LinkedHashMap<>();
        chunks.forEach(chunk -> byIndex.putIfAbsent(format.chunkIndex(chunk), chunk));
        T first = chunks.get(0);
        return new HeldChunks(format.exposure(first), format.kind(first), format.checksum(first),
                format.chunkCount(first), byIndex.keySet().stream().toList(),
                byIndex.values().stream().map(format::ramps).toList());
    }

    /** The product version (file checksum) a chunk belongs to. */
    public String checksum(T chunk) {
        return format.checksum(chunk);
    }

    /** Groups the chunks by product version (by product id), checks each and drops duplicates within the batch. */
    private Map<ProductVersion, List<T>> resolve(Connection connection, List<T> chunks) throws SQLException, LoadException {
        Map<String, ProductVersion> versions = new LinkedHashMap<>();
        Map<String, Map<Integer, T>> byVersion = new LinkedHashMap<>();
        for (T chunk : chunks) {
            String key = format.kind(chunk) + "/" + format.exposure(chunk) + "/" + format.checksum(chunk);
            ProductVersion version = versions.get(key);
            if (version == null) {
                version = products.find(connection, format.exposure(chunk), format.kind(chunk), format.checksum(chunk))
                        .orElseThrow(() -> new ProductNotYetKnownException(format.exposure(chunk), format.kind(chunk),
                                format.checksum(chunk)));
            }
            String problem = problem(version, chunk);
            if (problem != null) {
                throw new MalformedChunkException(version, format.chunkIndex(chunk), problem);
            }
            // Later chunks of the batch must agree with the first on the chunk count.
            versions.put(key, version.withChunkCount(format.chunkCount(chunk)));
            byVersion.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(format.chunkIndex(chunk), chunk);
        }
        Map<ProductVersion, List<T>> batches = new TreeMap<>(Comparator.comparingInt(ProductVersion::id));
        byVersion.forEach((key, byIndex) -> batches.put(versions.get(key), List.copyOf(byIndex.values())));
        return batches;
    }

    private String problem(ProductVersion version, T chunk) {
        int index = format.chunkIndex(chunk);
        int count = format.chunkCount(chunk);
        if (index < 0 || index >= count) {
            return "chunk index outside 0.." + (count - 1);
        }
        if (version.chunkCount() != null && version.chunkCount() != count) {
            return "chunk count " + count + ", earlier chunks said " + version.chunkCount();
        }
        return format.problem(version.shape(), chunk);
    }

    private List<T> claim(Connection connection, ProductVersion product, List<T> chunks) throws SQLException {
        Integer[] indices = chunks.stream().map(format::chunkIndex).toArray(Integer[]::new);
        Integer[] ramps = chunks.stream().map(format::ramps).toArray(Integer[]::new);
        Set<Integer> claimed = ledger.claim(connection, product.id(), indices, ramps);
        return chunks.stream().filter(c -> claimed.contains(format.chunkIndex(c))).toList();
    }
}
