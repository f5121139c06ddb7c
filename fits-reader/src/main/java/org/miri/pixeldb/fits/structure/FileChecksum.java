package org.miri.pixeldb.fits.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The product checksum: SHA-256 of the whole object, read as a stream so that a 1 GB product needs no 1 GB buffer. */
public final class FileChecksum {

    private static final int BUFFER_BYTES = 1 << 20;

    private FileChecksum() {
    }

    /** Lower-case hex SHA-256 of the file's content. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return hex(digest);
    }

    /** For a checksum computed while the bytes stream past ({@link #hex} gives the same form as {@link #sha256}). */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest's contract).
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    /** Lower-case hex of the digest; completes it. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
