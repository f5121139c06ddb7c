package org.miri.pixeldb.system;

import java.nio.charset.StandardCharsets;

/** Byte-level edits of a FITS file's primary header, to make the malformed cousins of a good file. */
final class FitsEdits {

    private FitsEdits() {
    }

    /** The file with the value of {@code keyword}'s card replaced (a number right-justified in column 30). */
    static byte[] withValue(byte[] file, String keyword, String value) {
        byte[] copy = file.clone();
        for (int card = 0; card < 36 * 10; card++) {
            String text = new String(copy, card * 80, 80, StandardCharsets.US_ASCII);
            if (text.startsWith("END ")) {
                break;
            }
            if (text.startsWith(String.format("%-8s=", keyword))) {
                String field = value.startsWith("'") ? value : String.format("%20s", value);
                System.arraycopy(field.getBytes(StandardCharsets.US_ASCII), 0, copy, card * 80 + 10, 20);
                return copy;
            }
        }
        throw new IllegalArgumentException("no card " + keyword + " in the primary header");
    }

    /** The file with a string value, quoted and left-justified as FITS writes it. */
    static byte[] withString(byte[] file, String keyword, String value) {
        return withValue(file, keyword, String.format("%-20s", "'" + value + "'"));
    }
}
