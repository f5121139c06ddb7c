package org.miri.pixeldb.stack.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.stack.StackState;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts files into the running stack's bucket, as any S3 client would, drawing their progress. */
public final class BucketUpload implements AutoCloseable {

    private final S3Endpoint endpoint;
    private final S3Client client;
    private final Map<String, String> etags = new HashMap<>();

    public BucketUpload(StackState state) {
        StackState.S3 s3 = state.s3();
        endpoint = new S3Endpoint(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey());
        client = endpoint.client();
    }

    /** @return the key the file was stored under */
    public String put(Path file, String prefix, PrintStream progress) throws IOException {
        String key = prefix + file.getFileName();
        long size = Files.size(file);
        boolean redraw = ProgressBar.stdoutIsTerminal() && progress == System.out;
        // A fresh stream for every attempt: the SDK retries a failed PUT (a busy store's timeout), and a stream read
        // once cannot be sent again.
        RequestBody body = RequestBody.fromContentProvider(() -> {
            try {
                return new ProgressBar(Files.newInputStream(file), key, size, progress, redraw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, size, "application/fits");
        String etag = client.putObject(b -> b.bucket(endpoint.bucket()).key(key), body).eTag();
        // Without quotes, as the splitter records it in the ingest log.
        etags.put(key, etag == null ? null : etag.replace("\"", ""));
        return key;
    }

    /** The ETag each key was last put with (null where the store gave none), to follow that version's ingest. */
    public Map<String, String> etags() {
        return new HashMap<>(etags);
    }

    @Override
    public void close() {
        client.close();
    }
}
