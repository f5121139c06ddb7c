package org.miri.pixeldb.writer.raw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;
import org.miri.pixeldb.loader.db.ExposureTable;
import org.miri.pixeldb.loader.db.IngestEntry;
import org.miri.pixeldb.loader.db.IngestLog;
import org.miri.pixeldb.loader.db.IngestState;
import org.miri.pixeldb.loader.db.LoadException;
import org.miri.pixeldb.loader.db.ProductNotYetKnownException;
import org.miri.pixeldb.loader.db.RawLoadReport;
import org.miri.pixeldb.loader.db.RawRampWriter;
import org.miri.pixeldb.loader.kafka.RetryLaterException;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * What the raw writer does with each kind of record, inside the batch's transaction: exposures and
 * their product rows, the ingest log from the splitter's events, ramp chunks through COPY, and the
 * LOADED state once a product's last chunk is in.
 */
final class RawLoad {

    private static final Logger LOG = Logger.getLogger(RawLoad.class);
    private static final String OTHER_RAW_VERSION = "select 1 from product p join exposure e on e.id = p.exposure_id "
            + "where e.name = ? and p.kind = 'RAW' and p.checksum <> ?";
    private static final String PRODUCT_LOADED = "select p.state = 'LOADED' from product p join exposure e "
            + "on e.id = p.exposure_id where e.name = ? and p.kind = ? and p.checksum = ?";
    /** Locks the product row: a concurrent writer completing the product waits, or is waited for. */
    private static final String PRODUCT_LOADED_LOCKED = PRODUCT_LOADED + " for update of p";
    private static final String AWAITING = "select id from ingest_log where exposure_name = ? and state in ('SPLIT', 'LOADING')";

    private final ExposureTable exposures = new ExposureTable();
    private final RawRampWriter ramps = new RawRampWriter();
    private final IngestLog log = new IngestLog();

    void exposure(Connection tx, Exposure exposure) throws SQLException {
        try {
            exposures.upsert(tx, exposure);
        } catch (LoadException e) {
            // A product that contradicts what the database holds is refused, with the reason, and stored nowhere.
            SourceObject source = exposure.getSource();
            IngestEntry entry = log.received(tx, source.getBucket(), source.getKey(), source.getEtag());
            log.update(tx, entry.id(), IngestState.REJECTED, e.getMessage(), exposure.getName(), exposure.getProduct());
        }
    }

    void event(Connection tx, IngestEvent event) throws SQLException {
        SourceObject source = event.getSource();
        IngestEntry entry = log.received(tx, source.getBucket(), source.getKey(), source.getEtag());
        if (entry.state() == IngestState.REJECTED) {
            return; // refused by a writer already; the splitter's SPLIT does not undo that
        }
        IngestState state = switch (event.getState()) {
            case RECEIVED -> IngestState.RECEIVED;
            case IGNORED -> IngestState.IGNORED;
            case REJECTED -> IngestState.REJECTED;
            case FAILED -> IngestState.FAILED;
            case SPLIT -> loaded(tx, event) ? IngestState.LOADED : IngestState.LOADING;
        };
        if (state != IngestState.RECEIVED) {
            log.update(tx, entry.id(), state, event.getReason(), event.getExposure(), event.getProduct());
        }
    }

    void chunks(Connection tx, List<org.miri.pixeldb.schemas.RawRampChunk> chunks) throws SQLException, LoadException,
            RetryLaterException {
        List<org.miri.pixeldb.schemas.RawRampChunk> current = new java.util.ArrayList<>(chunks);
        RawLoadReport report;
        while (true) {
            try {
                report = ramps.write(tx, current);
                break;
            } catch (ProductNotYetKnownException e) {
                if (!superseded(tx, e.exposure(), e.checksum())) {
                    throw new RetryLaterException("exposure record of " + e.exposure() + " not loaded yet");
                }
                // Chunks of a refused product version: nothing of them is stored.
                current.removeIf(c -> c.getProductChecksum().equals(e.checksum()));
                LOG.infof("dropping chunks of refused version %s of %s", e.checksum(), e.exposure());
            }
        }
        for (String exposure : report.completedExposures()) {
            try (PreparedStatement query = tx.prepareStatement(AWAITING)) {
                query.setString(1, exposure);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        log.update(tx, rows.getLong(1), IngestState.LOADED, null, null, null);
                    }
                }
            }
        }
    }

    private boolean loaded(Connection tx, IngestEvent event) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(PRODUCT_LOADED_LOCKED)) {
            query.setString(1, event.getExposure());
            query.setString(2, event.getProduct().name());
            query.setString(3, event.getProductChecksum());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static boolean superseded(Connection tx, String exposure, String checksum) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(OTHER_RAW_VERSION)) {
            query.setString(1, exposure);
            query.setString(2, checksum);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
