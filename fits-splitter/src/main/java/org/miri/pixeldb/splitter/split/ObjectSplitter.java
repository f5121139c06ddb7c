package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.miri.pixeldb.fits.ProductFile;
import org.miri.pixeldb.fits.ProductReader;
import org.miri.pixeldb.fits.jwst.ExposureMapper;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.splitter.intake.ObjectVersion;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Splits one object version: its exposure record, then its chunks (raw ramps, corrected ramps or
 * slopes), then the manifest saying how many chunks the writers must load. A product that is not ours or not valid becomes a
 * manifest event with the reason, and nothing else.
 */
public final class ObjectSplitter {

    private static final Logger LOG = Logger.getLogger(ObjectSplitter.class);
    private final ObjectDownloader downloader;
    private final SplitProducers producers;
    private final IngestEvents events;
    private final ProductEmitter emitter;
    private final AvroMessageCodec<Exposure> exposures = AvroMessageCodec.of(Exposure.class);
    private final ProductOpener opener;

    /** Opens a downloaded object as a product. */
    @FunctionalInterface
    interface ProductOpener {
        ProductFile open(Path file, String key) throws IOException, RejectedProductException;
    }

    public ObjectSplitter(S3Endpoint endpoint, WorkDirectory workDir, SplitProducers producers, int chunkBytes,
                          long maxObjectBytes) {
        this(endpoint, workDir, producers, chunkBytes, maxObjectBytes, ProductReader::open);
    }

    /** @param opener how a downloaded file is opened: {@link ProductReader#open} but in tests of the error tiers */
    ObjectSplitter(S3Endpoint endpoint, WorkDirectory workDir, SplitProducers producers, int chunkBytes,
                   long maxObjectBytes, ProductOpener opener) {
        this.opener = opener;
        this.downloader = new ObjectDownloader(endpoint, workDir, maxObjectBytes);
        this.producers = producers;
        this.events = new IngestEvents(producers.events());
        this.emitter = new ProductEmitter(chunkBytes);
    }

    /**
     * @return the final event published: SPLIT, REJECTED (the object is unfit, or splitting it failed for a reason that
     *         a retry would meet again), FAILED (the object is gone from the bucket) or IGNORED (not a FITS name)
     * @throws TransientSplitFailure when the store, Kafka or the disk failed: the same notification is tried again
     */
    public IngestEvent split(ObjectVersion version) {
        events.publish(IngestEvents.about(version, IngestState.RECEIVED).build());
        String name = version.key().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".fits") && !name.endsWith(".fit") && !name.endsWith(".fts") && !name.endsWith(".fits.gz")) {
            return events.publish(IngestEvents.about(version, IngestState.IGNORED)
                    .setReason("not a FITS file name (.fits, .fit, .fts): not for the pixel database").build());
        }
        ObjectDownloader.Download download = null;
        try {
            long start = System.nanoTime();
            download = download(version);
            return download == null ? events.publish(IngestEvents.about(version, IngestState.FAILED)
                    .setReason(GONE).build()) : split(version, download, start);
        } catch (RejectedProductException e) {
            LOG.infof("rejected %s: %s", version.objectKey(), e.reason());
            return events.publish(IngestEvents.about(version, IngestState.REJECTED).setReason(e.reason()).build());
        } catch (IOException | RuntimeException e) {
            if (SplitFailures.isTransient(e)) {
                throw e instanceof TransientSplitFailure t ? t
                        : new TransientSplitFailure("could not split " + version.objectKey() + ": " + e.getMessage(), e);
            }
            // A bug or a file the checks let through: retrying would fail the same way and block the partition.
            LOG.errorf(e, "rejecting %s after an unexpected failure", version.objectKey());
            return events.publish(IngestEvents.about(version, IngestState.REJECTED)
                    .setReason(SplitFailures.unexpected(e)).build());
        } finally {
            deleteQuietly(download == null ? null : download.file());
        }
    }

    static final String GONE = "deleted from the bucket before it was read: nothing to load";

    /** @return the downloaded file, or null when the object is no longer in the bucket */
    private ObjectDownloader.Download download(ObjectVersion version) throws RejectedProductException {
        try {
            return downloader.download(version);
        } catch (NoSuchKeyException gone) {
            return null;
        } catch (IOException | SdkException e) {
            if (e instanceof S3Exception s3 && s3.statusCode() == NOT_FOUND) {
                return null; // a store may answer 404 without the NoSuchKey code
            }
            throw new TransientSplitFailure("could not download " + version.objectKey() + ": " + e.getMessage(), e);
        }
    }

    private static final int NOT_FOUND = 404;

    private IngestEvent split(ObjectVersion version, ObjectDownloader.Download download, long start)
            throws IOException, RejectedProductException {
        long downloaded = System.nanoTime();
        Path file = download.file();
        String checksum = download.sha256();
        try (ProductFile product = opener.open(file, version.key())) {
            Exposure exposure = ExposureMapper.toAvro(product.descriptor(), version.toSource(), checksum, Instant.now());
            RecordSender sender = new RecordSender(producers.records(), producers.rawRamps());
            sender.send(Topic.EXPOSURES, exposure.getName(), exposures.encode(exposure));
            ProductEmitter.Manifest manifest = emitter.emit(product, exposure.getName(), checksum, sender);
            long emitted = System.nanoTime();
            // Not every record reached Kafka: no manifest, no offset commit; the object is split again.
            sender.flush();
            long flushed = System.nanoTime();
            LOG.infof("split %s into %d chunks in %d ms: download and checksum %d, read and encode %d, Kafka's acks %d",
                    version.objectKey(), manifest.chunkCount(), millis(start, flushed), millis(start, downloaded),
                    millis(downloaded, emitted), millis(emitted, flushed));
            return events.publish(IngestEvents.about(version, IngestState.SPLIT).setExposure(exposure.getName())
                    .setProduct(exposure.getProduct()).setProductChecksum(checksum)
                    .setChunkCount(manifest.chunkCount()).setRampCount(manifest.rampCount()).build());
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("could not delete %s: %s", file, e.getMessage());
            }
        }
    }
}
