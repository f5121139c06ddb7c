package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams an object to a temporary file: FITS readers need random access (extensions found by
 * EXTNAME, one integration read at a time), and the heap never holds the object.
 */
final class ObjectDownloader {

    private final S3Endpoint endpoint;
    private final Path workDir;

    ObjectDownloader(S3Endpoint endpoint, Path workDir) {
        this.endpoint = endpoint;
        this.workDir = workDir;
    }

    Path download(ObjectVersion version) throws IOException {
        Files.createDirectories(workDir);
        Path file = Files.createTempFile(workDir, "object-", ".fits");
        try (S3Client s3 = endpoint.client();
             var in = s3.getObject(b -> b.bucket(version.bucket()).key(version.key()))) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
