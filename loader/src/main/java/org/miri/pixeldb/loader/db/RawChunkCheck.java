package org.miri.pixeldb.loader.db;

import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.RawRampChunk;

/**
 * Checks a raw chunk against its product before anything is stored: the samples field is a packed
 * convention Avro cannot check, and a chunk outside its subarray would land on other pixels.
 */
final class RawChunkCheck {

    private RawChunkCheck() {
    }

    static void check(RawProduct product, RawRampChunk chunk) throws MalformedChunkException {
        ExposureShape shape = product.shape();
        long expectedBytes = 2L * chunk.getRows() * chunk.getCols() * chunk.getNgroups();
        boolean refout = chunk.getKind() == RampKind.REFOUT;
        String problem = null;
        if (chunk.getNgroups() != shape.ngroups()) {
            problem = chunk.getNgroups() + " groups per ramp, the exposure has " + shape.ngroups();
        } else if (chunk.getIntegration() < 1 || chunk.getIntegration() > shape.nints()) {
            problem = "integration " + chunk.getIntegration() + " outside 1.." + shape.nints();
        } else if (!shape.coversRows(chunk.getFirstRow(), chunk.getRows())) {
            problem = "rows " + chunk.getFirstRow() + "+" + chunk.getRows() + " outside the subarray (" + shape + ")";
        } else if (refout ? !shape.coversRefoutCols(chunk.getFirstCol(), chunk.getCols())
                : !shape.coversCols(chunk.getFirstCol(), chunk.getCols())) {
            problem = (refout ? "reference-output " : "") + "columns " + chunk.getFirstCol() + "+" + chunk.getCols()
                    + " outside the subarray (" + shape + ")";
        } else if (chunk.getSamples().remaining() != expectedBytes) {
            problem = chunk.getSamples().remaining() + " sample bytes, rows*cols*ngroups*2 = " + expectedBytes;
        } else if (chunk.getChunkIndex() < 0 || chunk.getChunkIndex() >= chunk.getChunkCount()) {
            problem = "chunk index outside 0.." + (chunk.getChunkCount() - 1);
        } else if (product.chunkCount() != null && product.chunkCount() != chunk.getChunkCount()) {
            problem = "chunk count " + chunk.getChunkCount() + ", earlier chunks said " + product.chunkCount();
        }
        if (problem != null) {
            throw new MalformedChunkException(product.exposure(), chunk.getChunkIndex(), problem);
        }
    }
}
