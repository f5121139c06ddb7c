package org.miri.pixeldb.loader.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;
import org.miri.pixeldb.loader.db.CompletedProduct;
import org.miri.pixeldb.loader.db.ExposureTable;
import org.miri.pixeldb.loader.db.IngestEntry;
import org.miri.pixeldb.loader.db.IngestLog;
import org.miri.pixeldb.loader.db.FileState;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.db.LoadReport;
import org.miri.pixeldb.loader.db.MalformedChunkException;
import org.miri.pixeldb.loader.db.ProductNotYetKnownException;
import org.miri.pixeldb.loader.db.RefusedVersions;
import org.miri.pixeldb.loader.db.VersionRejection;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * What a writer does with each kind of record, inside the batch's transaction, for the product kinds
 * it owns: registers products (or refuses them, with the reason, in the ingest log), keeps the
 * ingest log from the splitter's events, stores chunks, and marks an object LOADED with its last chunk.
 * What the transaction holds and refuses is acknowledged on the load-acks topic once it committed.
 */
public final class ProductLoad {

    private static final Logger LOG = Logger.getLogger(ProductLoad.class);
    private final Set<ProductKind> kinds;
    private final boolean ownsEventsWithoutProduct;
    private final ExposureTable exposures = new ExposureTable();
    private final IngestLog log = new IngestLog();
    private final RefusedVersions refused = new RefusedVersions();
    private final VersionRejection rejection = new VersionRejection();
    private final LoadAcks acks;
    private final DecidedVersionChunks decided;

    /** @param ownsEventsWithoutProduct whether this writer logs events of objects that are no product (one writer must) */
    public ProductLoad(Set<ProductKind> kinds, boolean ownsEventsWithoutProduct, LoadAcks acks) {
        this.kinds = Set.copyOf(kinds);
        this.ownsEventsWithoutProduct = ownsEventsWithoutProduct;
        this.acks = acks;
        this.decided = new DecidedVersionChunks(acks);
    }

    /** A new transaction: acknowledgements collected by one that did not commit are dropped. */
    public void begin() {
        acks.clear();
    }

    /** The transaction committed: its acknowledgements go out. */
    public void committed() throws Exception {
        acks.publish();
    }

    /**
     * @param producedAt when the splitter sent the record: a replay of a version refused, removed or found identical
     *                   to another object's since is dropped
     * @return why the product was refused now, to be dead-lettered with the record; empty when it was not
     */
    public Optional<String> exposure(Connection tx, Exposure exposure, Instant producedAt) throws SQLException {
        if (!kinds.contains(exposure.getProduct())) {
            return Optional.empty();
        }
        Optional<Instant> refusedAt = refused.refusedAt(tx, exposure.getName(), exposure.getProduct(),
                exposure.getProductChecksum());
        if (refusedAt.isPresent() && producedAt.isBefore(refusedAt.get())) {
            return Optional.empty();
        }
        try {
            exposures.upsert(tx, exposure);
            // Registered: the version is wanted again (the same file dropped anew after its exposure was deleted).
            refused.forget(tx, exposure.getName(), exposure.getProduct(), exposure.getProductChecksum());
            return Optional.empty();
        } catch (LoadException e) {
            // A product that contradicts what the database holds is refused, with the reason, and stored nowhere.
            SourceObject source = exposure.getSource();
            IngestEntry entry = log.received(tx, source.getBucket(), source.getKey(), source.getEtag());
            log.update(tx, entry.id(), FileState.REJECTED, e.getMessage(), exposure.getName(), exposure.getProduct(),
                    exposure.getProductChecksum());
            refused.refuse(tx, exposure.getName(), exposure.getProduct(), exposure.getProductChecksum(), e.getMessage());
            acks.refused(exposure.getName(), exposure.getProduct(), exposure.getProductChecksum(), e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    public void event(Connection tx, IngestEvent event) throws SQLException {
        if (event.getProduct() == null ? !ownsEventsWithoutProduct : !kinds.contains(event.getProduct())) {
            return;
        }
        SourceObject source = event.getSource();
        IngestEntry entry = log.received(tx, source.getBucket(), source.getKey(), source.getEtag());
        if (entry.state() == FileState.REJECTED || entry.state() == FileState.LOADED) {
            return; // decided by a writer already; a replayed SPLIT does not undo that
        }
        FileState state = switch (event.getState()) {
            case RECEIVED -> FileState.RECEIVED;
            case IGNORED -> FileState.IGNORED;
            case REJECTED -> FileState.REJECTED;
            case FAILED -> FileState.FAILED;
            case SPLIT -> log.productLoaded(tx, event.getExposure(), event.getProduct(), event.getProductChecksum())
                    ? FileState.LOADED : FileState.LOADING;
        };
        if (state != FileState.RECEIVED) {
            log.update(tx, entry.id(), state, event.getReason(), event.getExposure(), event.getProduct(),
                    event.getProductChecksum());
        }
    }

    /**
     * Stores the chunks whose product version is known and drops those of refused versions. A chunk that
     * contradicts its version rejects the version (its rows go, in a savepoint's rollback and by deletion)
     * and the other chunks are stored all the same: one bad record must not hold up its partition.
     *
     * @return the chunks that must wait for their exposure record (replayed later, after it was loaded), and
     *         the chunks rejected with their version, to be dead-lettered
     */
    public <T extends SpecificRecord> ChunkOutcome<T> chunks(Connection tx, ChunkStream<T> stream,
            List<Delivered<T>> delivered) throws SQLException, LoadException {
        List<Delivered<T>> current = new ArrayList<>(delivered);
        List<Delivered<T>> waiting = new ArrayList<>();
        List<ChunkOutcome.Rejected<T>> rejected = new ArrayList<>();
        LoadReport report;
        while (true) {
            Savepoint before = tx.setSavepoint();
            try {
                report = stream.writer().write(tx, current.stream().map(Delivered::chunk).toList());
                tx.releaseSavepoint(before);
                break;
            } catch (ProductNotYetKnownException e) {
                tx.rollback(before);
                List<Delivered<T>> version = versionOf(stream, current, e.checksum());
                current.removeAll(version);
                waiting.addAll(decided.awaited(tx, stream, e, version));
            } catch (MalformedChunkException e) {
                tx.rollback(before);
                LOG.warnf("rejecting %s version %s of %s: %s", e.version().kind(), e.version().checksum(),
                        e.version().exposure(), e.getMessage());
                Optional<ObjectOrigin> object = rejection.reject(tx, e.version(), e.getMessage());
                acks.refused(e.version().exposure(), e.version().kind(), e.version().checksum(), e.getMessage());
                for (Delivered<T> d : versionOf(stream, current, e.version().checksum())) {
                    current.remove(d);
                    // The offending chunk is dead-lettered; its siblings go the way of every refused version's chunks.
                    if (ChunkStream.chunkIndex(d.chunk()) == e.chunkIndex()) {
                        rejected.add(new ChunkOutcome.Rejected<>(d, e.getMessage(), object.orElse(null)));
                    }
                }
            }
        }
        report.held().forEach(acks::held);
        for (CompletedProduct product : report.completed()) {
            completed(tx, product);
        }
        return new ChunkOutcome<>(waiting, rejected);
    }

    private static <T extends SpecificRecord> List<Delivered<T>> versionOf(ChunkStream<T> stream,
            List<Delivered<T>> chunks, String checksum) {
        return chunks.stream().filter(d -> stream.writer().checksum(d.chunk()).equals(checksum)).toList();
    }

    private void completed(Connection tx, CompletedProduct product) throws SQLException {
        switch (product.outcome()) {
            case PROMOTED -> {
                log.loaded(tx, product.exposure(), product.kind(), product.checksum());
                for (String removed : product.removed()) {
                    refuse(tx, product, removed, "replaced by version " + product.checksum() + " of this "
                            + product.kind() + " product, split later");
                }
            }
            case STALE -> refuse(tx, product, product.checksum(), "a newer version of this " + product.kind()
                    + " product, split later, is loaded already");
            // Logged and recorded in the database by the settlement already: only the acknowledgement is left.
            case IDENTICAL -> acks.noted(product.exposure(), product.kind(), product.checksum(), product.reason());
            case DIFFERENT -> acks.refused(product.exposure(), product.kind(), product.checksum(), product.reason());
        }
    }

    private void refuse(Connection tx, CompletedProduct product, String checksum, String reason) throws SQLException {
        log.rejected(tx, product.exposure(), product.kind(), checksum, reason);
        refused.refuse(tx, product.exposure(), product.kind(), checksum, reason);
        acks.refused(product.exposure(), product.kind(), checksum, reason);
    }
}
