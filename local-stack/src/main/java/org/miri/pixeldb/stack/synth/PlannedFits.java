package org.miri.pixeldb.stack.synth;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/**
 * A FITS file whose headers are all known before any data: it writes them, and each HDU's padding,
 * at their final places first, then takes data slices in any order at their offsets. A ramp file's
 * extensions each span all integrations, so this is how one pass over the integrations fills SCI,
 * GROUPDQ, ERR and REFOUT together without holding any of them. The file is written under a
 * {@code .part} name and gets its own only in {@link #finish()}: a failed run leaves no file that
 * looks complete (its padding and headers are all in place from the start).
 */
final class PlannedFits implements Closeable {

    private final Path file;
    private final Path part;
    private final FileChannel channel;
    private final long[] dataOffsets;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    PlannedFits(Path file, List<Header> headers) throws IOException, FitsException {
        this.file = file;
        this.part = file.resolveSibling(file.getFileName() + ".part");
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        dataOffsets = new long[headers.size()];
        try {
            layOut(headers);
        } catch (IOException | RuntimeException e) {
            // FitsException is a RuntimeException in nom-tam-fits 1.21: covered. No half-laid-out .part is left.
            close();
            throw e;
        }
    }

    private void layOut(List<Header> headers) throws IOException, FitsException {
        long offset = 0;
        for (int i = 0; i < headers.size(); i++) {
            byte[] header = serialise(headers.get(i));
            write(ByteBuffer.wrap(header), offset);
            offset += header.length;
            dataOffsets[i] = offset;
            long padded = headers.get(i).getDataSize();
            long data = HduHeaders.dataBytes(headers.get(i));
            // Data padding is zeros; writing it now also gives the file its final length.
            write(ByteBuffer.allocate((int) (padded - data)), offset + data);
            offset += padded;
        }
    }

    private static byte[] serialise(Header header) throws IOException, FitsException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FitsOutputStream out = new FitsOutputStream(bytes)) {
            header.write(out); // padded with blanks to the 2880-byte block
        }
        return bytes.toByteArray();
    }

    /** float32 values at element {@code index} of HDU {@code hdu}'s data. */
    void floats(int hdu, long index, float[] values, int count) throws IOException {
        ByteBuffer bytes = buffer(4 * count);
        bytes.asFloatBuffer().put(values, 0, count);
        write(bytes.limit(4 * count), dataOffsets[hdu] + 4 * index);
    }

    /** uint32 bit patterns, stored as BITPIX 32 with BZERO 2147483648: value - 2^31, i.e. the top bit flipped. */
    void uint32(int hdu, long index, int[] values, int count) throws IOException {
        ByteBuffer bytes = buffer(4 * count);
        for (int i = 0; i < count; i++) {
            bytes.putInt(values[i] ^ Integer.MIN_VALUE);
        }
        write(bytes.flip(), dataOffsets[hdu] + 4 * index);
    }

    void bytes(int hdu, long index, byte[] values, int count) throws IOException {
        write(buffer(count).put(values, 0, count).flip(), dataOffsets[hdu] + index);
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes);
        }
        return buffer.clear();
    }

    private void write(ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    /** Every slice is written: the file takes its name. */
    void finish() throws IOException {
        channel.close();
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without {@link #finish()}, the partial file is removed. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(part);
    }
}
