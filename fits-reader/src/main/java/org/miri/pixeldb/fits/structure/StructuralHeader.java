package org.miri.pixeldb.fits.structure;

import static org.miri.pixeldb.fits.structure.RejectedProductException.count;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

    /** The keywords that say where data lies: a second copy of one could mean another size to another reader. */
    private static final Pattern STRUCTURAL = Pattern.compile("SIMPLE|XTENSION|BITPIX|NAXIS\\d*|PCOUNT|GCOUNT|EXTEND");

    private final Map<String, Field> values = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final String label;
    private int blocks;

    /** A value as written: its text (strings without their quotes) and whether it was a quoted string. */
    private record Field(String text, boolean quoted) {
    }

    private StructuralHeader(String label) {
        this.label = label;
    }

    /** Reads the header starting at {@code offset}, up to and including the block holding END. */
    static StructuralHeader read(FileChannel channel, long offset, long length, String label)
            throws IOException, RejectedProductException {
        StructuralHeader header = new StructuralHeader(label);
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
    private boolean parse(byte[] block, int available) throws RejectedProductException {
        for (int at = 0; at + CARD <= available; at += CARD) {
            String card = new String(block, at, CARD, StandardCharsets.US_ASCII);
            String keyword = card.substring(0, 8).trim();
            if (keyword.equals(Standard.END.key())) {
                return true;
            }
            order.add(keyword);
            if (!card.startsWith("= ", 8)) {
                continue;
            }
            if (!values.containsKey(keyword)) {
                values.put(keyword, valueOf(card.substring(10)));
            } else if (STRUCTURAL.matcher(keyword).matches()) {
                throw new RejectedProductException("malformed header: " + label + " has " + keyword
                        + " twice; its data size would depend on which one a reader takes");
            }
        }
        return false;
    }

    private static Field valueOf(String field) {
        String text = field.trim();
        if (text.startsWith("'")) {
            int close = text.indexOf('\'', 1);
            return new Field((close < 0 ? text.substring(1) : text.substring(1, close)).trim(), true);
        }
        int slash = text.indexOf('/');
        return new Field((slash < 0 ? text : text.substring(0, slash)).trim(), false);
    }

    /** The value as written (a string without its quotes), or null when the keyword has none. */
    String value(String keyword) {
        Field field = values.get(keyword);
        return field == null ? null : field.text();
    }

    /** Whether the keyword's value is a quoted string (where FITS wants a number, a type error). */
    boolean isString(String keyword) {
        Field field = values.get(keyword);
        return field != null && field.quoted();
    }

    /** The keyword of the {@code index}-th card (0-based), or null past the last card before END. */
    String keywordAt(int index) {
        return index < order.size() ? order.get(index) : null;
    }

    /** How reasons name this header. */
    String label() {
        return label;
    }

    long bytes() {
        return (long) blocks * HduExtent.BLOCK;
    }
}
