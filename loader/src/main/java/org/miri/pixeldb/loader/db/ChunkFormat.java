package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.miri.pixeldb.schemas.ProductKind;

/**
 * What differs between the chunk messages a writer stores (raw ramps, corrected ramps, slopes): which
 * product version a chunk belongs to, how it is checked against its exposure, and which strip tables
 * its arrays go to. Everything else (ledger, progress, promotion) is {@link ChunkWriter}'s.
 */
public interface ChunkFormat<T> {

    ProductKind kind(T chunk);

    String exposure(T chunk);

    String checksum(T chunk);

    int chunkIndex(T chunk);

    int chunkCount(T chunk);

    /** Ramps (or slope pixels) the chunk carries. */
    int ramps(T chunk);

    /** Null when the chunk fits its exposure; otherwise what is wrong, in words for the ingest log. */
    String problem(ExposureShape shape, T chunk);

    /** Stores the chunks' arrays, in the caller's transaction. */
    void copy(Connection connection, int productId, List<T> chunks) throws SQLException;

    /** Every table {@link #copy} writes to: together they hold every value a version of the product stores. */
    List<StripTable> tables();
}
