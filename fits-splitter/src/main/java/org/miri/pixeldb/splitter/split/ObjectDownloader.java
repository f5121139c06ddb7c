package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams an object to a temporary file: FITS readers need random access (extensions found by
 * EXTNAME, one integration read at a time), and the heap never holds the object. Its size is asked
 * first, so that an object larger than any product costs one request, not a download.
 */
record ObjectDownloader(S3Endpoint endpoint, WorkDirectory workDir, long maxObjectBytes) {

    static final String TEMP_PREFIX = "object-";

    /** @throws software.amazon.awssdk.services.s3.model.NoSuchKeyException when the object is gone */
    Path download(ObjectVersion version) throws IOException, RejectedProductException {
        try (S3Client s3 = endpoint.client()) {
            long size = s3.headObject(b -> b.bucket(version.bucket()).key(version.key())).contentLength();
            requireAtMost(size);
            Path file = workDir.newTempFile(TEMP_PREFIX, ".fits");
            try (InputStream in = s3.getObject(b -> b.bucket(version.bucket()).key(version.key()));
                 OutputStream out = Files.newOutputStream(file)) {
                copyAtMostTheLimit(in, out);
                return file;
            } catch (IOException | RuntimeException | RejectedProductException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }

    /** The object may have been replaced since the HEAD: never copy more than the limit. */
    private void copyAtMostTheLimit(InputStream in, OutputStream out) throws IOException, RejectedProductException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            copied += read;
            requireAtMost(copied);
            out.write(buffer, 0, read);
        }
    }

    private void requireAtMost(long size) throws RejectedProductException {
        if (size > maxObjectBytes) {
            throw new RejectedProductException("too large: the object holds " + String.format("%,d", size)
                    + " bytes or more, above the " + String.format("%,d", maxObjectBytes)
                    + " bytes of pixeldb.splitter.max-object-size; nothing was downloaded past that");
        }
    }
}
