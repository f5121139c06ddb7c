package org.miri.pixeldb.loader.db;

/** A raw product version as the database knows it, with what its chunks are checked against. */
public record RawProduct(int id, String exposure, ExposureShape shape, Integer chunkCount) {
}
