package org.miri.pixeldb.fits.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/** Byte-level damage done to copies of FITS files in a temporary folder, for the rejection tests. */
public final class FileEdits {

    private FileEdits() {
    }

    public static Path copy(Path source, Path folder, String name) throws IOException {
        return Files.copy(source, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    public static Path truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
        return file;
    }

    /** Rewrites the value field (columns 11-30) of the first card with this keyword, keeping the card 80 bytes. */
    public static Path replaceValue(Path file, String keyword, String value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int card = -1;
        for (int at = 0; at < text.length(); at += 80) {
            if (text.startsWith(String.format("%-8s= ", keyword), at)) {
                card = at;
                break;
            }
        }
        if (card < 0) {
            throw new IllegalArgumentException(keyword + " is not in " + file);
        }
        byte[] field = String.format("%20s", value).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, bytes, card + 10, field.length);
        Files.write(file, bytes);
        return file;
    }

    public static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
        return target;
    }
}
