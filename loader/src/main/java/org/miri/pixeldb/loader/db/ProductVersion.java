package org.miri.pixeldb.loader.db;

import org.miri.pixeldb.schemas.ProductKind;

/** A product version as the database knows it, with what its chunks are checked against. */
public record ProductVersion(int id, String exposure, ProductKind kind, String checksum, ExposureShape shape,
                             Integer chunkCount) {

    ProductVersion withChunkCount(int count) {
        return new ProductVersion(id, exposure, kind, checksum, shape, count);
    }
}
