package org.miri.pixeldb.loader.db;

/** A chunk that contradicts its exposure (geometry, sample count, chunk numbering). Retrying cannot help. */
public final class MalformedChunkException extends LoadException {

    public MalformedChunkException(String exposure, int chunkIndex, String problem) {
        super("chunk " + chunkIndex + " of exposure " + exposure + " rejected: " + problem);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
