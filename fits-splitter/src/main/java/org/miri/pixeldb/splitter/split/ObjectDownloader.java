package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.miri.pixeldb.fits.structure.FileChecksum;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams an object to a temporary file: FITS readers need random access (extensions found by
 * EXTNAME, one integration read at a time), and the heap never holds the object. Its size is known from
 * the response's headers, so that an object larger than any product is refused before its body is read;
 * its checksum is computed on the way, not by reading the file again.
 */
final class ObjectDownloader {

    static final String TEMP_PREFIX = "object-";

    /** The downloaded file and the SHA-256 of its content (lower-case hex, {@link FileChecksum}). */
    record Download(Path file, String sha256) {
    }

    private final S3Endpoint endpoint;
    private final WorkDirectory workDir;
    private final long maxObjectBytes;
    // One client per splitter: building one per object (as before) cost more than downloading a small object.
    private S3Client s3;

    ObjectDownloader(S3Endpoint endpoint, WorkDirectory workDir, long maxObjectBytes) {
        this.endpoint = endpoint;
        this.workDir = workDir;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** @throws software.amazon.awssdk.services.s3.model.NoSuchKeyException when the object is gone */
    Download download(ObjectVersion version) throws IOException, RejectedProductException {
        Path file = workDir.newTempFile(TEMP_PREFIX, ".fits");
        try (ResponseInputStream<GetObjectResponse> in = client().getObject(b -> b.bucket(version.bucket())
                .key(version.key()));
             OutputStream out = Files.newOutputStream(file)) {
            Long size = in.response().contentLength();
            if (size != null && size > maxObjectBytes) {
                in.abort(); // not one byte of the body is read
                requireAtMost(size);
            }
            return new Download(file, copyAtMostTheLimit(in, out));
        } catch (IOException | RuntimeException | RejectedProductException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            s3 = endpoint.client();
        }
        return s3;
    }

    /** The length header may lie (a proxy, a replaced object): never copy more than the limit. */
    private String copyAtMostTheLimit(InputStream in, OutputStream out) throws IOException, RejectedProductException {
        MessageDigest sha256 = FileChecksum.newSha256();
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            copied += read;
            requireAtMost(copied);
            sha256.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return FileChecksum.hex(sha256);
    }

    private void requireAtMost(long size) throws RejectedProductException {
        if (size > maxObjectBytes) {
            throw new RejectedProductException("too large: the object holds " + String.format("%,d", size)
                    + " bytes or more, above the " + String.format("%,d", maxObjectBytes)
                    + " bytes of pixeldb.splitter.max-object-size; nothing was downloaded past that");
        }
    }
}
