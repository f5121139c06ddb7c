package org.miri.pixeldb.splitter.fits;

import static org.miri.pixeldb.splitter.fits.RejectedProductException.count;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.header.Standard;

/**
 * Checks that a local file is a complete, uncompressed FITS file before anything reads its data: the signature, every
 * header's END card, and the file length against the data sizes the headers promise.
 */
final class FitsStructure {

    private static final String SIMPLE = "SIMPLE  =";
    private static final String XTENSION = "XTENSION=";

    private FitsStructure() {
    }

    /** The HDUs of the file, in order; rejects empty, compressed, non-FITS and truncated files. */
    static List<HduExtent> scan(Path file) throws IOException, RejectedProductException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            checkSignature(channel, length);
            List<HduExtent> hdus = new ArrayList<>();
            long offset = 0;
            // Bytes after the last HDU that do not start an extension are ignored, as FITS readers do.
            while (offset < length && (hdus.isEmpty() || startsWith(channel, offset, XTENSION))) {
                int index = hdus.size();
                String label = index == 0 ? "the primary header" : "the header of HDU " + (index + 1);
                StructuralHeader header = StructuralHeader.read(channel, offset, length, label);
                HduExtent hdu = new HduExtent(index, header.value(Standard.EXTNAME.key()), offset,
                        offset + header.bytes(), DataSize.of(header, label));
                if (hdu.dataOffset() + hdu.dataBytes() > length) {
                    throw new RejectedProductException("truncated: " + hdu.headerLabel() + " promises "
                            + count(hdu.dataBytes()) + " data bytes, the object holds "
                            + count(length - hdu.dataOffset()));
                }
                hdus.add(hdu);
                offset = hdu.end();
            }
            return hdus;
        }
    }

    private static void checkSignature(FileChannel channel, long length) throws IOException, RejectedProductException {
        if (length == 0) {
            throw new RejectedProductException("empty file: the object holds 0 bytes");
        }
        byte[] start = firstBytes(channel, 0, 80);
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            throw new RejectedProductException(
                    "gzip-compressed: the object starts with the gzip magic bytes 1f 8b; upload the uncompressed FITS file");
        }
        if (!new String(start, StandardCharsets.US_ASCII).startsWith(SIMPLE)) {
            throw new RejectedProductException("not a FITS file: the first 80 bytes do not start with " + SIMPLE);
        }
    }

    private static boolean startsWith(FileChannel channel, long offset, String prefix) throws IOException {
        return new String(firstBytes(channel, offset, prefix.length()), StandardCharsets.US_ASCII).equals(prefix);
    }

    private static byte[] firstBytes(FileChannel channel, long offset, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }
}
