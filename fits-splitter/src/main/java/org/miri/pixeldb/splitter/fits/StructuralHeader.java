package org.miri.pixeldb.splitter.fits;

import static org.miri.pixeldb.splitter.fits.RejectedProductException.count;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import nom.tam.fits.header.Standard;

/**
 * The structural cards of one header (BITPIX, NAXISn, PCOUNT, GCOUNT, EXTNAME), read straight from the bytes. The
 * splitter reads them itself, before nom-tam-fits sees the file, so that a truncated or malformed object is rejected
 * with an exact reason instead of the library's lenient end-of-file handling.
 */
final class StructuralHeader {

    private static final int CARD = 80;
    /** A header longer than this (360,000 cards) is not a MIRI product but a file without an END card. */
    private static final int MAX_BLOCKS = 10_000;

    private final Map<String, String> values = new HashMap<>();
    private int blocks;

    private StructuralHeader() {
    }

    /** Reads the header starting at {@code offset}, up to and including the block holding END. */
    static StructuralHeader read(FileChannel channel, long offset, long length, String label)
            throws IOException, RejectedProductException {
        StructuralHeader header = new StructuralHeader();
        ByteBuffer block = ByteBuffer.allocate(HduExtent.BLOCK);
        while (header.blocks < MAX_BLOCKS) {
            long blockOffset = offset + (long) header.blocks * HduExtent.BLOCK;
            block.clear();
            int read = channel.read(block, blockOffset);
            header.blocks++;
            if (header.parse(block.array(), Math.max(read, 0))) {
                if (blockOffset + HduExtent.BLOCK > length) {
                    throw new RejectedProductException("truncated header: " + label + " needs "
                            + count(header.bytes()) + " bytes from byte " + count(offset) + ", the object holds "
                            + count(length - offset));
                }
                return header;
            }
            if (read < HduExtent.BLOCK) {
                throw new RejectedProductException("truncated header: " + label
                        + " has no END card within the object's " + count(length) + " bytes");
            }
        }
        throw new RejectedProductException("malformed header: " + label + " has no END card in its first "
                + count((long) MAX_BLOCKS * HduExtent.BLOCK) + " bytes");
    }

    /** Parses the complete cards of one block; true when the END card is among them. */
    private boolean parse(byte[] block, int available) {
        for (int at = 0; at + CARD <= available; at += CARD) {
            String card = new String(block, at, CARD, StandardCharsets.US_ASCII);
            String keyword = card.substring(0, 8).trim();
            if (keyword.equals(Standard.END.key())) {
                return true;
            }
            if (card.startsWith("= ", 8) && !values.containsKey(keyword)) {
                values.put(keyword, valueOf(card.substring(10)));
            }
        }
        return false;
    }

    private static String valueOf(String field) {
        String text = field.trim();
        if (text.startsWith("'")) {
            int close = text.indexOf('\'', 1);
            return (close < 0 ? text.substring(1) : text.substring(1, close)).trim();
        }
        int slash = text.indexOf('/');
        return (slash < 0 ? text : text.substring(0, slash)).trim();
    }

    String value(String keyword) {
        return values.get(keyword);
    }

    long bytes() {
        return (long) blocks * HduExtent.BLOCK;
    }
}
