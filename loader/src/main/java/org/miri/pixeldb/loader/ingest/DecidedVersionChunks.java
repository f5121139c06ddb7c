package org.miri.pixeldb.loader.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;
import org.miri.pixeldb.loader.db.ProductNotYetKnownException;
import org.miri.pixeldb.loader.db.RefusedVersions;
import org.miri.pixeldb.loader.db.SettledVersion;

/**
 * Chunks of a product version that has no product row. A version not decided yet is awaited: its exposure record
 * may come later. Chunks of a decided version sent before the decision are replays of the attempt decided (a
 * crash between the commit and its acknowledgements, say), so they are acknowledged again as decided: refused,
 * or, for a version found identical to another object's, held. Later chunks of a refused version are dropped (its
 * file may still be being split); later chunks of an identical version belong to a new upload and are awaited.
 */
final class DecidedVersionChunks {

    private static final Logger LOG = Logger.getLogger(DecidedVersionChunks.class);
    private final RefusedVersions refused = new RefusedVersions();
    private final LoadAcks acks;

    DecidedVersionChunks(LoadAcks acks) {
        this.acks = acks;
    }

    /** @return those of the chunks, all of the unknown version, that must wait for its exposure record */
    <T extends SpecificRecord> List<Delivered<T>> awaited(Connection tx, ChunkStream<T> stream,
            ProductNotYetKnownException unknown, List<Delivered<T>> chunks) throws SQLException {
        Optional<SettledVersion> decided = refused.find(tx, unknown.exposure(), unknown.kind(), unknown.checksum());
        if (decided.isEmpty()) {
            return chunks;
        }
        SettledVersion version = decided.get();
        List<Delivered<T>> replayed = chunks.stream().filter(d -> version.decided(d.producedAt())).toList();
        if (!replayed.isEmpty() && version.identical()) {
            acks.held(stream.writer().heldElsewhere(replayed.stream().map(Delivered::chunk).toList()));
            acks.noted(unknown.exposure(), unknown.kind(), unknown.checksum(), version.reason());
        } else if (!replayed.isEmpty()) {
            acks.refused(unknown.exposure(), unknown.kind(), unknown.checksum(), version.reason());
        }
        if (version.identical()) {
            return chunks.stream().filter(d -> !version.decided(d.producedAt())).toList();
        }
        LOG.infof("dropping chunks of refused %s version %s of %s", unknown.kind(), unknown.checksum(), unknown.exposure());
        return List.of();
    }
}
