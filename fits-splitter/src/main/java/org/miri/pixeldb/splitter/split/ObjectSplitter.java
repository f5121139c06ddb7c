package org.miri.pixeldb.splitter.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.Topic;
import org.miri.pixeldb.platform.s3.S3Endpoint;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.codec.AvroMessageCodec;
import org.miri.pixeldb.splitter.fits.ExposureMapper;
import org.miri.pixeldb.splitter.fits.FileChecksum;
import org.miri.pixeldb.splitter.fits.ProductFile;
import org.miri.pixeldb.splitter.fits.ProductReader;
import org.miri.pixeldb.splitter.fits.RejectedProductException;
import org.miri.pixeldb.splitter.intake.ObjectVersion;

/**
 * Splits one object version: its exposure record, then its chunks (raw ramps, corrected ramps or
 * slopes), then the manifest saying how many chunks the writers must load. A product that is not ours or not valid becomes a
 * manifest event with the reason, and nothing else.
 */
public final class ObjectSplitter {

    private static final Logger LOG = Logger.getLogger(ObjectSplitter.class);
    private final ObjectDownloader downloader;
    private final Producer<String, byte[]> producer;
    private final IngestEvents events;
    private final ProductEmitter emitter;
    private final AvroMessageCodec<Exposure> exposures = AvroMessageCodec.of(Exposure.class);

    public ObjectSplitter(S3Endpoint endpoint, Path workDir, Producer<String, byte[]> producer, int chunkBytes) {
        this.downloader = new ObjectDownloader(endpoint, workDir);
        this.producer = producer;
        this.events = new IngestEvents(producer);
        this.emitter = new ProductEmitter(chunkBytes);
    }

    /** @return the final event published: SPLIT, REJECTED or IGNORED */
    public IngestEvent split(ObjectVersion version) {
        events.publish(IngestEvents.about(version, IngestState.RECEIVED).build());
        String name = version.key().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".fits") && !name.endsWith(".fit") && !name.endsWith(".fts") && !name.endsWith(".fits.gz")) {
            return events.publish(IngestEvents.about(version, IngestState.IGNORED)
                    .setReason("not a FITS file name (.fits, .fit, .fts): not for the pixel database").build());
        }
        Path file = null;
        try {
            file = downloader.download(version);
            return split(version, file);
        } catch (RejectedProductException e) {
            LOG.infof("rejected %s: %s", version.objectKey(), e.reason());
            return events.publish(IngestEvents.about(version, IngestState.REJECTED).setReason(e.reason()).build());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + version.objectKey() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    private IngestEvent split(ObjectVersion version, Path file) throws IOException, RejectedProductException {
        String checksum = FileChecksum.sha256(file);
        try (ProductFile product = ProductReader.open(file, version.key())) {
            Exposure exposure = ExposureMapper.toAvro(product.descriptor(), version.toSource(), checksum, Instant.now());
            RecordSender sender = new RecordSender(producer);
            sender.send(Topic.EXPOSURES, exposure.getName(), exposures.encode(exposure));
            ProductEmitter.Manifest manifest = emitter.emit(product, exposure.getName(), checksum, sender);
            // Not every record reached Kafka: no manifest, no offset commit; the object is split again.
            sender.flush();
            return events.publish(IngestEvents.about(version, IngestState.SPLIT).setExposure(exposure.getName())
                    .setProduct(exposure.getProduct()).setProductChecksum(checksum)
                    .setChunkCount(manifest.chunkCount()).setRampCount(manifest.rampCount()).build());
        }
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
