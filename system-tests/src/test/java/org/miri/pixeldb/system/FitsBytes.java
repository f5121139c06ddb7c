package org.miri.pixeldb.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A FITS file as its HDUs' header and data bytes, edited at the byte level and written back with the
 * standard's 2880-byte padding: how the corpus makes files that no FITS library would write, from a good one.
 */
final class FitsBytes {

    static final int BLOCK = 2880;
    static final int CARD = 80;

    /** A value written as it is, unquoted: numbers no Java type prints, such as 1E999. */
    record Literal(String text) {
    }

    /** One HDU: its header cards (without END) and its data bytes (without padding). */
    static final class Hdu {
        final List<String> cards = new ArrayList<>();
        byte[] data;

        String value(String keyword) {
            return cards.stream().filter(c -> c.startsWith(String.format("%-8s= ", keyword))).findFirst()
                    .map(c -> c.substring(10).split("/")[0].replace("'", "").trim()).orElse(null);
        }

        /** Replaces the card's value (numbers right-justified, strings quoted, booleans T or F), or appends it. */
        Hdu set(String keyword, Object value) {
            String card = card(keyword, value);
            for (int i = 0; i < cards.size(); i++) {
                if (cards.get(i).startsWith(String.format("%-8s= ", keyword))) {
                    cards.set(i, card);
                    return this;
                }
            }
            cards.add(card);
            return this;
        }

        /** Adds the card at the end even when the keyword is already there: a header no library would write. */
        Hdu append(String keyword, Object value) {
            cards.add(card(keyword, value));
            return this;
        }

        /** Moves the keyword's card to the end of the header, out of the order the standard prescribes. */
        Hdu moveToEnd(String keyword) {
            String card = cards.stream().filter(c -> c.startsWith(String.format("%-8s= ", keyword))).findFirst()
                    .orElseThrow();
            cards.remove(card);
            cards.add(card);
            return this;
        }

        private static String card(String keyword, Object value) {
            String field = value instanceof String text ? String.format("%-20s", "'" + text + "'")
                    : value instanceof Literal literal ? String.format("%20s", literal.text())
                    : value instanceof Boolean logical ? String.format("%20s", logical ? "T" : "F")
                    : String.format("%20s", value);
            return String.format("%-80s", String.format("%-8s= %s", keyword, field));
        }

        Hdu remove(String keyword) {
            cards.removeIf(c -> c.startsWith(String.format("%-8s= ", keyword)));
            return this;
        }
    }

    final List<Hdu> hdus = new ArrayList<>();

    static FitsBytes parse(byte[] file) {
        FitsBytes fits = new FitsBytes();
        int offset = 0;
        while (offset < file.length) {
            Hdu hdu = new Hdu();
            int at = offset;
            for (String card; !(card = new String(file, at, CARD, StandardCharsets.US_ASCII)).startsWith("END "); at += CARD) {
                hdu.cards.add(card);
            }
            int dataStart = offset + padded(at + CARD - offset);
            long size = hdu.value("NAXIS").equals("0") ? 0 : Math.abs(Long.parseLong(hdu.value("BITPIX"))) / 8;
            for (int n = 1; n <= Integer.parseInt(hdu.value("NAXIS")); n++) {
                size *= Long.parseLong(hdu.value("NAXIS" + n));
            }
            if (hdu.value("PCOUNT") != null && size > 0) { // binary tables: the heap follows the rows
                size += Long.parseLong(hdu.value("PCOUNT")) * Math.abs(Long.parseLong(hdu.value("BITPIX"))) / 8;
            }
            hdu.data = Arrays.copyOfRange(file, dataStart, dataStart + (int) size);
            fits.hdus.add(hdu);
            offset = dataStart + padded((int) size);
        }
        return fits;
    }

    Hdu hdu(String extname) {
        return hdus.stream().filter(h -> extname.equals(h.value("EXTNAME"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no HDU " + extname));
    }

    /** An empty IMAGE extension (NAXIS 0): one header block and no data. */
    static Hdu emptyImage(String extname) {
        Hdu hdu = new Hdu();
        hdu.set("XTENSION", "IMAGE").set("BITPIX", 8).set("NAXIS", 0).set("PCOUNT", 0).set("GCOUNT", 1)
                .set("EXTNAME", extname);
        hdu.data = new byte[0];
        return hdu;
    }

    Hdu primary() {
        return hdus.get(0);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Hdu hdu : hdus) {
            StringBuilder header = new StringBuilder();
            hdu.cards.forEach(header::append);
            header.append(String.format("%-80s", "END"));
            while (header.length() % BLOCK != 0) {
                header.append(' ');
            }
            out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(Arrays.copyOf(hdu.data, padded(hdu.data.length)));
        }
        return out.toByteArray();
    }

    private static int padded(int length) {
        return (length + BLOCK - 1) / BLOCK * BLOCK;
    }
}
