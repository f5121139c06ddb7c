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

    /** One HDU: its header cards (without END) and its data bytes (without padding). */
    static final class Hdu {
        final List<String> cards = new ArrayList<>();
        byte[] data;

        String value(String keyword) {
            return cards.stream().filter(c -> c.startsWith(String.format("%-8s= ", keyword))).findFirst()
                    .map(c -> c.substring(10).split("/")[0].replace("'", "").trim()).orElse(null);
        }

        /** Replaces the card's value (numbers right-justified, strings quoted), or appends the card. */
        Hdu set(String keyword, Object value) {
            String field = value instanceof String text ? String.format("%-20s", "'" + text + "'")
                    : String.format("%20s", value);
            String card = String.format("%-80s", String.format("%-8s= %s", keyword, field));
            for (int i = 0; i < cards.size(); i++) {
                if (cards.get(i).startsWith(String.format("%-8s= ", keyword))) {
                    cards.set(i, card);
                    return this;
                }
            }
            cards.add(card);
            return this;
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
