package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.miri.pixeldb.platform.db.ForgottenExposure;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;

/**
 * Takes back a product version whose chunks turned out to contradict it, in the caller's transaction:
 * its rows go (the product row's strips and ledger cascade), an exposure left without any product goes
 * too, the version is refused so that its chunks still in Kafka are dropped, and the object it came
 * from is logged REJECTED with the reason. Readers never saw it: only LOADED versions are visible, and a
 * LOADED version is left alone.
 */
public final class VersionRejection {

    private static final String LOADED = "select 1 from product where id = ? and state = 'LOADED'";
    // Deleting the exposure forgets its refused versions (ForgottenExposure): so refuse only after.
    private static final String EMPTY_EXPOSURE = "e.name = ? and not exists (select 1 from product p"
            + " where p.exposure_id = e.id)";
    private final RefusedVersions refused = new RefusedVersions();
    private final IngestLog log = new IngestLog();
    private final ProductTable products = new ProductTable();

    /** @return the object the version was read from, when the product row still named it */
    public Optional<ObjectOrigin> reject(Connection tx, ProductVersion version, String reason) throws SQLException {
        Optional<ObjectOrigin> source = products.source(tx, version.id());
        if (exists(tx, LOADED, version.id())) {
            // Complete and checked already: a stray bad copy of one of its chunks does not take it back.
            return source;
        }
        products.delete(tx, version.id());
        ForgottenExposure.deleteWhere(tx, EMPTY_EXPOSURE, version.exposure());
        refused.refuse(tx, version.exposure(), version.kind(), version.checksum(), reason);
        log.decided(tx, source, FileState.REJECTED, reason, version.exposure(), version.kind(), version.checksum());
        return source;
    }

    private static boolean exists(Connection tx, String sql, int productId) throws SQLException {
        try (PreparedStatement query = tx.prepareStatement(sql)) {
            query.setInt(1, productId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
