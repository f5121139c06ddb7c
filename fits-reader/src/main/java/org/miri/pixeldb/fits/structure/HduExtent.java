package org.miri.pixeldb.fits.structure;

/**
 * Where one header-data unit lies in a file, as its structural keywords promise it.
 *
 * @param index        0 for the primary HDU, then 1, 2, ... in file order
 * @param extname      the EXTNAME, or null when the HDU has none
 * @param headerOffset byte offset of the header's first card
 * @param dataOffset   byte offset of the data (the header's padded end)
 * @param dataBytes    data bytes the header promises, without the padding to a 2880-byte block
 */
public record HduExtent(int index, String extname, long headerOffset, long dataOffset, long dataBytes) {

    static final int BLOCK = 2880;

    /** Byte offset where the next HDU starts. */
    long end() {
        return dataOffset + paddedToBlock(dataBytes);
    }

    /** How reasons name this HDU: "the primary header", "the SCI header", "the header of HDU 3". */
    String headerLabel() {
        if (index == 0) {
            return "the primary header";
        }
        return extname != null ? "the " + extname + " header" : "the header of HDU " + (index + 1);
    }

    static long paddedToBlock(long bytes) {
        return (bytes + BLOCK - 1) / BLOCK * BLOCK;
    }
}
