package org.miri.pixeldb.fits.structure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of an object say: nothing (empty), gzip, or FITS. nom-tam-fits would silently decompress a
 * gzip file; the splitter rejects it instead, because a compressed object can be neither checked for truncation nor
 * read by hyperslab.
 */
final class FileSignature {

    static final String SIMPLE = "SIMPLE  =";
    static final String XTENSION = "XTENSION=";
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int CARD = 80;

    private FileSignature() {
    }

    static void requireFits(FileChannel channel, long length) throws IOException, RejectedProductException {
        if (length == 0) {
            throw new RejectedProductException("empty file: the object holds 0 bytes");
        }
        byte[] start = bytes(channel, 0, CARD);
        if (start.length >= 2 && (start[0] & 0xff) == GZIP_MAGIC_1 && (start[1] & 0xff) == GZIP_MAGIC_2) {
            throw new RejectedProductException("gzip-compressed: the object starts with the gzip magic bytes 1f 8b; "
                    + "upload the uncompressed FITS file");
        }
        if (!new String(start, StandardCharsets.US_ASCII).startsWith(SIMPLE)) {
            throw new RejectedProductException("not a FITS file: the first 80 bytes do not start with " + SIMPLE);
        }
    }

    /** Whether the bytes at {@code offset} start an extension header. */
    static boolean extensionAt(FileChannel channel, long offset) throws IOException {
        return new String(bytes(channel, offset, XTENSION.length()), StandardCharsets.US_ASCII).equals(XTENSION);
    }

    private static byte[] bytes(FileChannel channel, long offset, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}
