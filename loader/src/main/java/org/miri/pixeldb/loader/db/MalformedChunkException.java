package org.miri.pixeldb.loader.db;

/**
 * A chunk that contradicts its product version (geometry, sample count, chunk numbering). Retrying cannot
 * help: the version is rejected, the chunk dead-lettered, and the rest of the batch goes on.
 */
public final class MalformedChunkException extends LoadException {

    private final ProductVersion version;
    private final int chunkIndex;

    public MalformedChunkException(ProductVersion version, int chunkIndex, String problem) {
        super("chunk " + chunkIndex + " of the " + version.kind() + " product of exposure " + version.exposure()
                + " rejected: " + problem);
        this.version = version;
        this.chunkIndex = chunkIndex;
    }

    public ProductVersion version() {
        return version;
    }

    public int chunkIndex() {
        return chunkIndex;
    }
}
