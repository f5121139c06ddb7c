package org.miri.pixeldb.loader.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.miri.pixeldb.platform.kafka.ObjectOrigin;

/**
 * Settles a completely loaded version of a product whose LOADED version came from another object (the JPL raw
 * file and its {@code _pipe} conversion), in the transaction that stored its last chunk and under the exposure's
 * lock: every value it stores is compared with the loaded version's. The same values are what the same file
 * dropped again is, a no-op: its rows go, readers see no change, and its object is LOADED with a note naming the
 * loaded object. Other values are refused as a second file always was, naming both objects and where they first
 * differ. Either way the version is recorded in {@code refused_version}, so that its replayed records are not
 * stored again. Comparing after the load, not on arrival, makes the order of the two objects irrelevant.
 */
final class SecondObjectSettlement {

    private static final Logger LOG = Logger.getLogger(SecondObjectSettlement.class);
    private final List<StripTable> tables;
    private final ProductTable products = new ProductTable();
    private final RefusedVersions refused = new RefusedVersions();
    private final VersionRejection rejection = new VersionRejection();
    private final IngestLog log = new IngestLog();

    SecondObjectSettlement(List<StripTable> tables) {
        this.tables = List.copyOf(tables);
    }

    CompletedProduct settle(Connection tx, ProductVersion version, int loadedId, String loadedObject)
            throws SQLException {
        Optional<ObjectOrigin> source = products.source(tx, version.id());
        long start = System.nanoTime();
        Optional<StripDifference> difference = firstDifference(tx, version.id(), loadedId);
        LOG.infof("%s version %s of %s compared with the one loaded from %s in %d ms: %s", version.kind(),
                version.checksum(), version.exposure(), loadedObject, (System.nanoTime() - start) / 1_000_000,
                difference.map(StripDifference::describe).map(d -> "differs " + d).orElse("identical"));
        if (difference.isPresent()) {
            String object = source.map(o -> o.bucket() + "/" + o.key()).orElse("version " + version.checksum());
            String reason = "exposure " + version.exposure() + " already has its " + version.kind() + " product, from "
                    + loadedObject + "; " + object + " is another file for it whose values differ (first "
                    + difference.get().describe() + ") and is refused (to replace a product, write the same key again,"
                    + " or delete the exposure first)";
            rejection.reject(tx, version, reason);
            return CompletedProduct.settled(version, CompletedProduct.Outcome.DIFFERENT, reason);
        }
        String note = "identical to the loaded object " + loadedObject + " (every stored value compared):"
                + " nothing more stored";
        products.delete(tx, version.id());
        refused.identical(tx, version.exposure(), version.kind(), version.checksum(), note, loadedObject);
        log.decided(tx, source, FileState.LOADED, note, version.exposure(), version.kind(), version.checksum());
        return CompletedProduct.settled(version, CompletedProduct.Outcome.IDENTICAL, note);
    }

    private Optional<StripDifference> firstDifference(Connection tx, int candidateId, int loadedId) throws SQLException {
        for (StripTable table : tables) {
            Optional<StripDifference> difference = table.firstDifference(tx, candidateId, loadedId);
            if (difference.isPresent()) {
                return difference;
            }
        }
        return Optional.empty();
    }
}
